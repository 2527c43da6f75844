package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;

/** The reads of targets, each with its progress. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Targets {

    private final Plans plans;
    private final TargetRepository targets;
    private final EntityManager entityManager;

    public Targets(Plans plans, TargetRepository targets, EntityManager entityManager) {
        this.plans = plans;
        this.targets = targets;
        this.entityManager = entityManager;
    }

    public List<TargetRegistry.Set> ofPlan(long planId) {
        plans.plan(planId);
        return targets.ofPlan(planId).stream().map(this::withProgress).toList();
    }

    public TargetRegistry.Set target(long planId, long targetId) {
        Target target = targets.findByIdOptional(targetId).filter(found -> found.planId == planId)
                .orElseThrow(() -> ProblemException.notFound(
                        new Text("Plan " + planId + " has no target " + targetId,
                                "Kế hoạch " + planId + " không có mục tiêu " + targetId)));
        return withProgress(target);
    }

    private TargetRegistry.Set withProgress(Target target) {
        return new TargetRegistry.Set(target, entityManager.find(TargetProgress.class, target.id));
    }
}
