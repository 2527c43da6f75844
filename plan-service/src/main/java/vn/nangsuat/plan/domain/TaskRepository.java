package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, Long> {

    /** Which tasks, across all plans, a list shows. */
    public enum Concern {
        /** Open after their end date. */
        OVERDUE,
        /** Open, not overdue, more than {@link Task#LAG_TOLERANCE} points behind the time elapsed. */
        LAGGING
    }

    /** The task, locked until the transaction ends. */
    public Optional<Task> findForUpdate(long id) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager().createNativeQuery("SELECT * FROM plan_task WHERE id = ?1 FOR UPDATE", Task.class)
                .setParameter(1, id).getResultList();
        return rows.stream().map(Task.class::cast).findFirst();
    }

    public List<Task> ofPlan(long planId) {
        return list("planId = ?1 order by startDate, id", planId);
    }

    /**
     * The tasks of every plan (or one unit's plans) with the concern on the day, by end date. The expected share is
     * {@link Task#expectedPercent}'s, in SQL so the page is cut in the database.
     */
    public Page<Task> withConcern(Concern concern, String unit, LocalDate day, PageRequest page) {
        String condition = switch (concern) {
            case OVERDUE -> "t.end_date < ?1";
            case LAGGING -> "t.start_date <= ?1 AND t.end_date >= ?1 AND t.percent_done + " + Task.LAG_TOLERANCE
                    + " < FLOOR(100 * DATEDIFF(?1, t.start_date) / GREATEST(DATEDIFF(t.end_date, t.start_date), 1))";
        };
        String from = " FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE t.status IN ('NOT_STARTED', 'IN_PROGRESS')"
                + " AND " + condition + (unit == null ? "" : " AND p.unit_code = ?2");
        var count = getEntityManager().createNativeQuery("SELECT COUNT(*)" + from).setParameter(1, day);
        var rows = getEntityManager().createNativeQuery("SELECT t.*" + from + " ORDER BY t.end_date, t.id", Task.class)
                .setParameter(1, day).setFirstResult(page.offset()).setMaxResults(page.size());
        if (unit != null) {
            count.setParameter(2, unit);
            rows.setParameter(2, unit);
        }
        List<Task> tasks = rows.getResultList().stream().map(Task.class::cast).toList();
        return Page.of(tasks, page, ((Number) count.getSingleResult()).longValue());
    }
}
