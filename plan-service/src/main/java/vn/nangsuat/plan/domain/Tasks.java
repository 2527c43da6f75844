package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;

/** The reads of tasks: a plan's, and those overdue or lagging across all provinces. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Tasks {

    private final Plans plans;
    private final TaskRepository tasks;

    public Tasks(Plans plans, TaskRepository tasks) {
        this.plans = plans;
        this.tasks = tasks;
    }

    public List<Task> ofPlan(long planId) {
        plans.plan(planId);
        return tasks.ofPlan(planId);
    }

    public Task task(long planId, long taskId) {
        return tasks.findByIdOptional(taskId).filter(found -> found.planId == planId)
                .orElseThrow(() -> ProblemException.notFound(
                        new Text("Plan " + planId + " has no task " + taskId,
                                "Kế hoạch " + planId + " không có nhiệm vụ " + taskId)));
    }

    public Page<Task> withConcern(TaskRepository.Concern concern, String unit, LocalDate day, PageRequest page) {
        return tasks.withConcern(concern, unit, day, page);
    }
}
