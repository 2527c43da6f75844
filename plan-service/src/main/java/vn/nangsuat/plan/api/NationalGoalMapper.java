package vn.nangsuat.plan.api;

import vn.nangsuat.plan.domain.NationalGoal;
import vn.nangsuat.plan.domain.NationalProgress;

/** National goals as the API and the events show them. */
public final class NationalGoalMapper {

    private NationalGoalMapper() {
    }

    /** @param now the country's progress towards it, or null (an event carries the goal alone) */
    public static NationalGoalResponse toResponse(NationalGoal goal, NationalProgress.GoalProgress now) {
        return new NationalGoalResponse(goal.key.code(), goal.key.year(), goal.comparator, goal.low, goal.high,
                goal.unit, goal.description, goal.source, goal.verified, goal.measure, goal.baselineYear,
                goal.numeratorCode, goal.denominatorCode, now == null ? null : new NationalGoalResponse.Progress(
                        now.status(), now.current(), now.latestYear(), now.reason(), now.plans(), now.unitsInForce(),
                        now.published(), now.provinces()));
    }
}
