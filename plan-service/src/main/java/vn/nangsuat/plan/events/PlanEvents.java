package vn.nangsuat.plan.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.plan.api.PlanMapper;
import vn.nangsuat.plan.api.PlanView;
import vn.nangsuat.plan.api.TargetMapper;
import vn.nangsuat.plan.api.TargetView;
import vn.nangsuat.plan.api.TransitionView;
import vn.nangsuat.plan.domain.Better;
import vn.nangsuat.plan.domain.LegalBasis;
import vn.nangsuat.plan.domain.Plan;
import vn.nangsuat.plan.domain.PlanSeries;
import vn.nangsuat.plan.domain.PlanState;
import vn.nangsuat.plan.domain.PlanTransition;
import vn.nangsuat.plan.domain.ProgressLevel;
import vn.nangsuat.plan.domain.ProgressStatus;
import vn.nangsuat.plan.domain.Target;
import vn.nangsuat.plan.domain.TargetKind;
import vn.nangsuat.plan.domain.TargetProgress;
import vn.nangsuat.plan.domain.Task;
import vn.nangsuat.plan.domain.TaskStatus;

/**
 * What plan-service publishes about plans, through the outbox in the caller's transaction, on `plan.events` keyed by
 * the plan's id, so one plan's events stay in order. A plan's events carry the whole plan as `GET /api/v1/plans/{id}`
 * shows it, with its `revision` (a consumer keeps the higher one); a task's the whole task with its revision; a
 * target's progress the whole target with the progress and the observation it rests on.
 * <p>
 * The payloads are records of their own, never the REST answers: a field of the API can be renamed without changing
 * what consumers read. `/asyncapi.yaml` documents them, and a test holds the document to these records.
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
    public record Created(PlanSnapshot plan) {
    }

    /** A plan's details were corrected. */
    public record Changed(PlanSnapshot plan) {
    }

    /** A plan moved from one state to another: `transition` says who moved it, when and why. */
    public record Moved(PlanSnapshot plan, Step transition) {
    }

    /** A whole plan, as its events carry it (schema `Plan`). */
    public record PlanSnapshot(long id, String unitCode, String unitName, LocalDate unitValidFrom,
            List<String> successorUnits, String title, int startYear, int endYear, LegalBasis legalBasis,
            String approvalNumber, LocalDate approvalDate, String approvingAuthority, String leadDepartment,
            BigDecimal stateBudget, BigDecimal otherBudget, PlanState state, List<PlanState> allowedTransitions,
            String createdBy, Instant createdAt, Instant updatedAt, int revision) {

        static PlanSnapshot of(PlanView plan) {
            return new PlanSnapshot(plan.id(), plan.unitCode(), plan.unitName(), plan.unitValidFrom(),
                    plan.successorUnits(), plan.title(), plan.startYear(), plan.endYear(), plan.legalBasis(),
                    plan.approvalNumber(), plan.approvalDate(), plan.approvingAuthority(), plan.leadDepartment(),
                    plan.stateBudget(), plan.otherBudget(), plan.state(), plan.allowedTransitions(), plan.createdBy(),
                    plan.createdAt(), plan.updatedAt(), plan.revision());
        }
    }

    /** One step of a plan's life (schema `PlanTransition`). */
    public record Step(int seq, PlanState from, PlanState to, String actor, Instant at, String comment) {

        static Step of(PlanTransition step) {
            TransitionView view = PlanMapper.toView(step);
            return new Step(view.seq(), view.from(), view.to(), view.actor(), view.at(), view.comment());
        }
    }

    /** A target with its progress (schema `Target`). */
    public record TargetSnapshot(long id, long planId, String indicator, TargetKind kind, Better better, int baselineYear,
            BigDecimal baselineValue, int targetYear, BigDecimal targetValue, Instant createdAt,
            ProgressSnapshot progress) {

        static TargetSnapshot of(TargetView target) {
            TargetView.Progress progress = target.progress();
            return new TargetSnapshot(target.id(), target.planId(), target.indicator(), target.kind(), target.better(),
                    target.baselineYear(), target.baselineValue(), target.targetYear(), target.targetValue(),
                    target.createdAt(), progress == null ? null : new ProgressSnapshot(progress.status(),
                            progress.latestPeriod(), progress.latestValue(), progress.latestStatus(),
                            progress.latestRevision(), progress.baselineValue(), progress.targetLevel(),
                            progress.achievement(), progress.projected(), progress.neededPerYear(), progress.ratio(),
                            progress.level(), progress.method(), progress.reason(), progress.computedAt()));
        }
    }

    /** How far a target has come (schema `TargetProgress`). */
    public record ProgressSnapshot(ProgressStatus status, String latestPeriod, BigDecimal latestValue,
            String latestStatus, Integer latestRevision, BigDecimal baselineValue, BigDecimal targetLevel,
            BigDecimal achievement, BigDecimal projected, BigDecimal neededPerYear, BigDecimal ratio,
            ProgressLevel level, String method, String reason, Instant computedAt) {
    }

    /** A task of a plan (schema `Task`), with how far along it should be on the day of the change. */
    public record TaskSnapshot(long id, long planId, String title, String leadAgency, List<String> partnerAgencies,
            LocalDate startDate, LocalDate endDate, BigDecimal budget, TaskStatus status, int percentDone,
            int expectedPercent, boolean overdue, boolean lagging, Instant updatedAt, int revision) {

        static TaskSnapshot of(Task task, LocalDate today) {
            return new TaskSnapshot(task.id, task.planId, task.title, task.leadAgency, task.partnerAgencies,
                    task.startDate, task.endDate, task.budget, task.status, task.percentDone,
                    task.expectedPercent(today), task.overdue(today), task.lagging(today), task.updatedAt,
                    task.rowVersion);
        }
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
    public record TargetProgressChanged(long planId, String unitCode, TargetSnapshot target, Observation basedOn,
            int revision) {
    }

    /** A task of a plan was added or changed. */
    public record TaskChanged(long planId, String unitCode, TaskSnapshot task) {
    }

    private final Outbox outbox;
    private final PlanMapper mapper;

    public PlanEvents(Outbox outbox, PlanMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public void created(Plan plan) {
        outbox.publish(AGGREGATE, key(plan), "plan.created", new Created(PlanSnapshot.of(mapper.toView(plan))));
    }

    public void changed(Plan plan) {
        outbox.publish(AGGREGATE, key(plan), "plan.changed", new Changed(PlanSnapshot.of(mapper.toView(plan))));
    }

    public void moved(Plan plan, PlanTransition step) {
        outbox.publish(AGGREGATE, key(plan), "plan.transitioned", new Moved(PlanSnapshot.of(mapper.toView(plan)),
                Step.of(step)));
    }

    /** @param latest the latest value of the series the progress rests on; null when it rests on none (NO_DATA) */
    public void progressChanged(Plan plan, Target target, TargetProgress progress, PlanSeries.YearValue latest) {
        Observation basedOn = latest == null ? null : new Observation(plan.unitCode, target.indicatorCode,
                String.valueOf(latest.year()), latest.value(), latest.status(), latest.revision(), latest.units());
        outbox.publish(TARGET_PROGRESS, key(plan), "plan.target-progress-changed", new TargetProgressChanged(plan.id,
                plan.unitCode, TargetSnapshot.of(TargetMapper.toView(target, progress)), basedOn, progress.revision));
    }

    public void taskChanged(Plan plan, Task task) {
        outbox.publish(AGGREGATE, key(plan), "plan.task-changed", new TaskChanged(plan.id, plan.unitCode,
                TaskSnapshot.of(task, LocalDate.now())));
    }

    private static String key(Plan plan) {
        return String.valueOf(plan.id);
    }
}
