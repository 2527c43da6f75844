package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;

/** Reads of the national goals. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NationalGoals {

    private final NationalGoalRepository goals;

    public NationalGoals(NationalGoalRepository goals) {
        this.goals = goals;
    }

    public Page<NationalGoal> goals(Integer year, PageRequest page) {
        var query = goals.forYear(year);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }
}
