package vn.nangsuat.plan.events;

import jakarta.enterprise.context.ApplicationScoped;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.plan.api.NationalGoalMapper;
import vn.nangsuat.plan.api.NationalGoalResponse;
import vn.nangsuat.plan.domain.NationalGoal;
import vn.nangsuat.plan.domain.NationalGoals;

/**
 * What plan-service publishes about the national goals, through the outbox in the caller's transaction, on
 * `plan.events` keyed `CODE/YEAR`. Its own instances reload their snapshot of the goals on it. In `/asyncapi.yaml`.
 */
@ApplicationScoped
public class NationalGoalEvents {

    /** A goal was corrected: the whole goal as `GET /api/v1/national-goals/{code}/{year}` defines it, and its revision. */
    public record Changed(NationalGoalResponse goal, int revision) {
    }

    private final Outbox outbox;

    public NationalGoalEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(NationalGoal goal) {
        outbox.publish(NationalGoals.AGGREGATE, goal.key.code() + "/" + goal.key.year(), "national-goal.changed",
                new Changed(NationalGoalMapper.toResponse(goal, null), goal.rowVersion));
    }
}
