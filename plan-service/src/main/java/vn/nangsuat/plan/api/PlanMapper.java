package vn.nangsuat.plan.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.nangsuat.plan.domain.Plan;
import vn.nangsuat.plan.domain.PlanTransition;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;

/** Plans as the API and the events show them, with the unit's name and successors from the province replica. */
@ApplicationScoped
public class PlanMapper {

    private final ProvinceReplica units;

    public PlanMapper(ProvinceReplica units) {
        this.units = units;
    }

    public PlanView toView(Plan plan) {
        ReplicaUnit version = units.unitOn(plan.unitCode, plan.unitValidFrom).orElse(null);
        List<String> successors = version == null || version.validTo() == null ? List.of() : units.successorsOf(version);
        return new PlanView(plan.id, plan.unitCode, version == null ? null : version.name(), plan.unitValidFrom, successors,
                plan.title, plan.startYear, plan.endYear, plan.legalBasis, plan.approvalNumber, plan.approvalDate,
                plan.approvingAuthority, plan.leadDepartment, plan.stateBudget, plan.otherBudget, plan.state,
                List.copyOf(plan.state.next()), plan.createdBy, plan.createdAt, plan.updatedAt, plan.rowVersion);
    }

    public static TransitionView toView(PlanTransition step) {
        return new TransitionView(step.id.seq(), step.from, step.to, step.actor, step.at, step.comment);
    }
}
