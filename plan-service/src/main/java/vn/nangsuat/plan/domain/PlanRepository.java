package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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

    /** The plans under a legal basis approved (and maybe carried out since) by a date, by their decision's date. */
    public List<Plan> approvedUnder(LegalBasis basis, LocalDate by) {
        return list("legalBasis = ?1 and state in ?2 and approvalDate <= ?3 order by approvalDate, id", basis,
                Arrays.stream(PlanState.values()).filter(PlanState::approved).toList(), by);
    }
}
