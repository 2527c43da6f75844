package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, Long> {

    /** A target with the plan it belongs to. */
    public record Followed(Target target, Plan plan) {
    }

    /** The targets on the indicators, with their plans. */
    public List<Followed> following(Collection<String> indicators) {
        return getEntityManager().createQuery("select t, p from Target t, Plan p where p.id = t.planId"
                        + " and t.indicatorCode in :indicators order by t.id", Object[].class)
                .setParameter("indicators", indicators).getResultList().stream()
                .map(row -> new Followed((Target) row[0], (Plan) row[1])).toList();
    }

    /** The targets whose year is before the given one and whose progress still reads as paced, not judged. */
    public List<Followed> pacedAfterTheirYear(int year) {
        return getEntityManager().createQuery("select t, p from Target t, Plan p, TargetProgress g where p.id = t.planId"
                        + " and g.targetId = t.id and t.targetYear < :year and g.status in :paced order by t.id", Object[].class)
                .setParameter("year", year)
                .setParameter("paced", List.of(ProgressStatus.ON_TRACK, ProgressStatus.NEEDS_ACCELERATION,
                        ProgressStatus.OFF_TRACK))
                .getResultStream().map(row -> new Followed((Target) row[0], (Plan) row[1])).toList();
    }

    public List<Target> ofPlan(long planId) {
        return list("planId = ?1 order by id", planId);
    }
}
