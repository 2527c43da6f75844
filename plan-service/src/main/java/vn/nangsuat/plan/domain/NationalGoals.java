package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.nangsuat.kit.paging.PageRequest;

/** Reads of the national goals. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NationalGoals {

    private final NationalGoalRepository goals;

    public NationalGoals(NationalGoalRepository goals) {
        this.goals = goals;
    }

    public record Listing(List<NationalGoal> items, long total) {
    }

    public Listing goals(Integer year, PageRequest page) {
        var query = goals.forYear(year);
        return new Listing(query.page(page.page(), page.size()).list(), query.count());
    }
}
