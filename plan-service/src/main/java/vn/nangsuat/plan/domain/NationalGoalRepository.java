package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NationalGoalRepository implements PanacheRepositoryBase<NationalGoal, NationalGoal.Key> {

    private static final Sort BY_YEAR_THEN_CODE = Sort.by("key.year").and("key.code");

    public PanacheQuery<NationalGoal> forYear(Integer year) {
        return year == null ? findAll(BY_YEAR_THEN_CODE) : find("key.year", BY_YEAR_THEN_CODE, year);
    }
}
