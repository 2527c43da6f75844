package vn.nangsuat.plan.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.plan.api.PlanMapper;
import vn.nangsuat.plan.api.PlanView;
import vn.nangsuat.plan.api.TargetMapper;
import vn.nangsuat.plan.api.TargetView;
import vn.nangsuat.plan.api.TaskView;
import vn.nangsuat.plan.api.TransitionView;
import vn.nangsuat.plan.domain.Plan;
import vn.nangsuat.plan.domain.PlanSeries;
import vn.nangsuat.plan.domain.PlanTransition;
import vn.nangsuat.plan.domain.Target;
import vn.nangsuat.plan.domain.TargetProgress;
import vn.nangsuat.plan.domain.Task;

/**
 * What plan-service publishes about plans, through the outbox in the caller's transaction, on `plan.events` keyed by
 * the plan's id, so one plan's events stay in order. A plan's events carry the whole plan as `GET /api/v1/plans/{id}`
 * shows it, with its `revision` (a consumer keeps the higher one); a task's the whole task with its revision; a
 * target's progress the whole target with the progress and the observation it rests on. Documented in `/asyncapi.yaml`.
 */
@ApplicationScoped
public class PlanEvents {

    /** The aggregate type of plan events: a plan, its targets and tasks as written. */
    public static final String AGGREGATE = "plan";

    /**
     * The aggregate type of a target's progress, on the same topic and key as its plan: it moves with the values, not
     * with a write, and what rests on plans alone (the national count of approved plans) need not follow it.
     */
    public static final String TARGET_PROGRESS = "target-progress";

    /** A plan was drafted. */
    public record Created(PlanView plan) {
    }

    /** A plan's details were corrected. */
    public record Changed(PlanView plan) {
    }

    /** A plan moved from one state to another: `transition` says who moved it, when and why. */
    public record Moved(PlanView plan, TransitionView transition) {
    }

    /**
     * The series value a progress rests on: the latest period's value, its least firm status and latest revision in
     * indicator-service, and the units it was combined from (the plan's unit alone unless a merger lies between).
     */
    public record Observation(String unit, String indicator, String period, BigDecimal value, String status,
            int revision, List<String> combinedFrom) {
    }

    /**
     * A target's progress changed, recomputed from the values of its series; {@code revision} is the progress's (1 for the
     * first, one more at each change), so a consumer keeps the highest whatever order the events come in.
     */
    public record TargetProgressChanged(long planId, String unitCode, TargetView target, Observation basedOn,
            int revision) {
    }

    /** A task of a plan was added or changed. */
    public record TaskChanged(long planId, String unitCode, TaskView task) {
    }

    private final Outbox outbox;
    private final PlanMapper mapper;

    public PlanEvents(Outbox outbox, PlanMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void created(Plan plan) {
        outbox.publish(AGGREGATE, key(plan), "plan.created", new Created(mapper.toView(plan)));
    }

    public void changed(Plan plan) {
        outbox.publish(AGGREGATE, key(plan), "plan.changed", new Changed(mapper.toView(plan)));
    }

    public void moved(Plan plan, PlanTransition step) {
        outbox.publish(AGGREGATE, key(plan), "plan.transitioned", new Moved(mapper.toView(plan), PlanMapper.toView(step)));
    }

    /** @param latest the latest value of the series the progress rests on; null when it rests on none (NO_DATA) */
    public void progressChanged(Plan plan, Target target, TargetProgress progress, PlanSeries.YearValue latest) {
        Observation basedOn = latest == null ? null : new Observation(plan.unitCode, target.indicatorCode,
                String.valueOf(latest.year()), latest.value(), latest.status(), latest.revision(), latest.units());
        outbox.publish(TARGET_PROGRESS, key(plan), "plan.target-progress-changed", new TargetProgressChanged(plan.id,
                plan.unitCode, TargetMapper.toView(target, progress), basedOn, progress.revision));
    }

    public void taskChanged(Plan plan, Task task) {
        outbox.publish(AGGREGATE, key(plan), "plan.task-changed", new TaskChanged(plan.id, plan.unitCode,
                TaskView.of(task, java.time.LocalDate.now())));
    }

    private static String key(Plan plan) {
        return String.valueOf(plan.id);
    }
}
