package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class NationalGoalRepository implements PanacheRepositoryBase<NationalGoal, NationalGoal.Key> {

    private static final Sort BY_YEAR_THEN_CODE = Sort.by("key.year").and("key.code");

    public PanacheQuery<NationalGoal> forYear(Integer year) {
        return year == null ? findAll(BY_YEAR_THEN_CODE) : find("key.year", BY_YEAR_THEN_CODE, year);
    }

    /** The goal, locked until the transaction ends, so two corrections are checked one after the other. */
    public Optional<NationalGoal> findForUpdate(String code, int year) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager().createNativeQuery(
                        "SELECT * FROM national_goal WHERE code = ?1 AND target_year = ?2 FOR UPDATE", NationalGoal.class)
                .setParameter(1, code).setParameter(2, year).getResultList();
        return rows.stream().map(NationalGoal.class::cast).findFirst();
    }
}
