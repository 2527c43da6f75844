package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, Long> {

    /** Which plans a list shows; a null field does not filter. */
    public record Filter(String unit, PlanState state, LegalBasis legalBasis) {
    }

    /** The plan, locked until the transaction ends, so two writes of one plan are checked one after the other. */
    public Optional<Plan> findForUpdate(long id) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager().createNativeQuery("SELECT * FROM plan WHERE id = ?1 FOR UPDATE", Plan.class)
                .setParameter(1, id).getResultList();
        return rows.stream().map(Plan.class::cast).findFirst();
    }

    public Page<Plan> find(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.unit() != null) {
            where.append(" and unitCode = :unit");
            parameters.and("unit", filter.unit());
        }
        if (filter.state() != null) {
            where.append(" and state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.legalBasis() != null) {
            where.append(" and legalBasis = :basis");
            parameters.and("basis", filter.legalBasis());
        }
        var query = find(where.toString(), Sort.by("unitCode").and("startYear").and("id"), parameters)
                .page(page.page(), page.size());
        return Page.of(query.list(), page, query.count());
    }

    public List<PlanTransition> transitions(long planId) {
        return getEntityManager().createQuery("from PlanTransition where id.planId = :plan order by id.seq",
                PlanTransition.class).setParameter("plan", planId).getResultList();
    }

    public int lastSeq(long planId) {
        Integer last = getEntityManager().createQuery("select max(id.seq) from PlanTransition where id.planId = :plan",
                Integer.class).setParameter("plan", planId).getSingleResult();
        return last == null ? 0 : last;
    }

    /** A plan approved by its decision, and the day it was withdrawn, if it was later. */
    public record Approval(Plan plan, LocalDate withdrawnOn) {

        /** Whether the plan stood approved at the end of the day. */
        public boolean standsOn(LocalDate day) {
            return !plan.approvalDate.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
        }
    }

    /** Where a withdrawal's instant falls on a calendar: the provinces' time. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * The plans under the legal basis approved by the day: those that stand approved, and those withdrawn after their
     * approval, with the day of the withdrawal (a plan withdrawn before it was approved never counts).
     */
    public List<Approval> approvalsUnder(LegalBasis basis, LocalDate by) {
        List<PlanState> counted = new ArrayList<>(Arrays.stream(PlanState.values()).filter(PlanState::approved).toList());
        counted.add(PlanState.WITHDRAWN);
        List<Plan> found = list("legalBasis = ?1 and state in ?2 and approvalDate <= ?3 order by approvalDate, id",
                basis, counted, by);
        List<Long> withdrawn = found.stream().filter(plan -> plan.state == PlanState.WITHDRAWN).map(plan -> plan.id).toList();
        Map<Long, List<PlanTransition>> moves = withdrawn.isEmpty() ? Map.of() : getEntityManager()
                .createQuery("FROM PlanTransition t WHERE t.id.planId IN ?1 AND t.to IN ?2", PlanTransition.class)
                .setParameter(1, withdrawn).setParameter(2, List.of(PlanState.APPROVED, PlanState.WITHDRAWN))
                .getResultStream().collect(Collectors.groupingBy(move -> move.id.planId()));
        List<Approval> approvals = new ArrayList<>();
        for (Plan plan : found) {
            if (plan.state != PlanState.WITHDRAWN) {
                approvals.add(new Approval(plan, null));
                continue;
            }
            List<PlanTransition> history = moves.getOrDefault(plan.id, List.of());
            boolean wasApproved = history.stream().anyMatch(move -> move.to == PlanState.APPROVED);
            history.stream().filter(move -> move.to == PlanState.WITHDRAWN).findFirst().filter(move -> wasApproved)
                    .ifPresent(move -> approvals.add(new Approval(plan, move.at.atZone(VIETNAM).toLocalDate())));
        }
        return approvals;
    }
}
