package vn.nangsuat.plan.domain;

import static vn.nangsuat.plan.domain.Corrections.given;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.plan.events.PlanEvents;

/** The writes of a plan's tasks: each one transaction with its event (plan.task-changed), or nothing. */
@ApplicationScoped
@Transactional
public class TaskRegistry {

    /** What a task says; in a correction a null field keeps its value. */
    public record TaskDetails(String title, String leadAgency, List<String> partnerAgencies, LocalDate startDate,
            LocalDate endDate, BigDecimal budget, TaskStatus status, Integer percentDone) {
    }

    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final ProvinceScope scope;
    private final PlanEvents events;

    public TaskRegistry(PlanRepository plans, TaskRepository tasks, ProvinceScope scope, PlanEvents events) {
        this.plans = plans;
        this.tasks = tasks;
        this.scope = scope;
        this.events = events;
    }

    public Task add(long planId, TaskDetails details) {
        Plan plan = writablePlan(planId);
        Task task = new Task();
        task.planId = planId;
        task.title = details.title().strip();
        task.leadAgency = details.leadAgency().strip();
        task.partnerAgencies = details.partnerAgencies() == null ? List.of() : details.partnerAgencies();
        task.startDate = details.startDate();
        task.endDate = details.endDate();
        task.budget = details.budget();
        task.status = details.status() == null ? TaskStatus.NOT_STARTED : details.status();
        task.percentDone = details.percentDone() == null ? 0 : details.percentDone();
        requireConsistent(task, plan);
        task.updatedAt = now();
        tasks.persistAndFlush(task);
        events.taskChanged(plan, task);
        return task;
    }

    public Task correct(long planId, long taskId, TaskDetails details, String ifMatch) {
        Plan plan = writablePlan(planId);
        Task task = tasks.findForUpdate(taskId).filter(found -> found.planId == planId)
                .orElseThrow(() -> ProblemException.notFound(
                        new Text("Plan " + planId + " has no task " + taskId,
                                "Kế hoạch " + planId + " không có nhiệm vụ " + taskId)));
        Preconditions.requireMatch(ifMatch, task.etag());
        task.title = details.title() == null ? task.title : details.title().strip();
        task.leadAgency = details.leadAgency() == null ? task.leadAgency : details.leadAgency().strip();
        task.partnerAgencies = given(details.partnerAgencies(), task.partnerAgencies);
        task.startDate = given(details.startDate(), task.startDate);
        task.endDate = given(details.endDate(), task.endDate);
        task.budget = given(details.budget(), task.budget);
        task.status = given(details.status(), task.status);
        task.percentDone = given(details.percentDone(), task.percentDone);
        requireConsistent(task, plan);
        task.updatedAt = now();
        tasks.flush();
        events.taskChanged(plan, task);
        return task;
    }

    private Plan writablePlan(long planId) {
        Plan plan = plans.findForUpdate(planId).orElseThrow(() -> Plans.noSuchPlan(planId));
        scope.requireWrite(plan.unitCode);
        if (plan.state.next().isEmpty()) {
            throw ProblemException.conflict(new Text("Plan " + planId + " is " + plan.state + ": its tasks are final",
                    "Kế hoạch " + planId + " ở trạng thái " + plan.state + ": các nhiệm vụ của kế hoạch đã được chốt"));
        }
        return plan;
    }

    private static void requireConsistent(Task task, Plan plan) {
        if (task.endDate.isBefore(task.startDate)) {
            throw ProblemException.invalid("endDate", new Text("must not be before startDate (" + task.startDate + ")",
                    "không được trước startDate (" + task.startDate + ")"));
        }
        if (task.startDate.getYear() < plan.startYear || task.endDate.getYear() > plan.endYear) {
            throw ProblemException.invalid("startDate", new Text("the task must lie within the plan, " + plan.startYear
                    + " to " + plan.endYear, "nhiệm vụ phải nằm trong thời gian của kế hoạch, từ " + plan.startYear
                    + " đến " + plan.endYear));
        }
        if (task.status == TaskStatus.DONE && task.percentDone != 100) {
            throw ProblemException.invalid("percentDone", new Text("a DONE task is 100 % done",
                    "nhiệm vụ DONE là nhiệm vụ đã hoàn thành 100 %"));
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
