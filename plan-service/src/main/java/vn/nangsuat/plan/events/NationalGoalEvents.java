package vn.nangsuat.plan.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.plan.api.NationalGoalMapper;
import vn.nangsuat.plan.api.NationalGoalResponse;
import vn.nangsuat.plan.domain.Comparator;
import vn.nangsuat.plan.domain.GoalMeasure;
import vn.nangsuat.plan.domain.NationalGoal;
import vn.nangsuat.plan.domain.NationalGoals;

/**
 * What plan-service publishes about the national goals, through the outbox in the caller's transaction, on
 * `plan.events` keyed `CODE/YEAR`. Its own instances reload their snapshot of the goals on it. In `/asyncapi.yaml`.
 */
@ApplicationScoped
public class NationalGoalEvents {

    /** A goal was corrected: the whole goal as `GET /api/v1/national-goals/{code}/{year}` defines it, and its revision. */
    public record Changed(GoalSnapshot goal, int revision) {
    }

    /**
     * A goal's definition as events carry it: a record of its own, not the REST answer (which adds the progress computed
     * at each read); absent members (high, numerator, denominator) are left out, as the AsyncAPI document says.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalSnapshot(String code, int year, Comparator comparator, BigDecimal low, BigDecimal high, String unit,
            String description, String source, boolean verified, GoalMeasure measure, int baselineYear,
            String numerator, String denominator) {

        static GoalSnapshot of(NationalGoalResponse goal) {
            return new GoalSnapshot(goal.code(), goal.year(), goal.comparator(), goal.low(), goal.high(), goal.unit(),
                    goal.description(), goal.source(), goal.verified(), goal.measure(), goal.baselineYear(),
                    goal.numerator(), goal.denominator());
        }
    }

    private final Outbox outbox;

    public NationalGoalEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(NationalGoal goal) {
        outbox.publish(NationalGoals.AGGREGATE, goal.key.code() + "/" + goal.key.year(), "national-goal.changed",
                new Changed(GoalSnapshot.of(NationalGoalMapper.toResponse(goal, null)), goal.rowVersion));
    }
}
