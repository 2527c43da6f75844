package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;

/** The reads of plans and their audit trails. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Plans {

    private final PlanRepository plans;

    public Plans(PlanRepository plans) {
        this.plans = plans;
    }

    public Plan plan(long id) {
        return plans.findByIdOptional(id).orElseThrow(() -> noSuchPlan(id));
    }

    /** The 404 of a plan id that names none, for every read and write of a plan and what it holds. */
    static ProblemException noSuchPlan(long id) {
        return ProblemException.notFound(new Text("No plan has id " + id, "Không có kế hoạch nào có id " + id));
    }

    public Page<Plan> plans(PlanRepository.Filter filter, PageRequest page) {
        return plans.find(filter, page);
    }

    /** Every step of the plan's life, the drafting first. */
    public List<PlanTransition> transitions(long id) {
        plan(id);
        return plans.transitions(id);
    }
}
