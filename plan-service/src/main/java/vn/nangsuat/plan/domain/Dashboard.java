package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;

/**
 * The whole country at a glance: every unit in force on a day with its plans (its own, and those of the units that
 * became part of it) and each target's status. Read in a handful of queries, whatever the number of plans.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dashboard {

    /** A unit in force with the plans it carries, own or inherited. */
    public record UnitPlans(ReplicaUnit unit, List<PlanTargets> plans) {
    }

    /** A plan with its targets and their progress (null until computed). */
    public record PlanTargets(Plan plan, boolean inherited, List<TargetRegistry.Set> targets) {
    }

    private final ProvinceReplica units;
    private final PlanRepository plans;
    private final TargetRepository targets;
    private final EntityManager entityManager;

    public Dashboard(ProvinceReplica units, PlanRepository plans, TargetRepository targets, EntityManager entityManager) {
        this.units = units;
        this.plans = plans;
        this.targets = targets;
        this.entityManager = entityManager;
    }

    public List<UnitPlans> on(LocalDate day) {
        Map<String, List<Plan>> plansByVersion = plans.listAll().stream()
                .sorted(Comparator.comparing((Plan plan) -> plan.startYear).thenComparing(plan -> plan.id))
                .collect(Collectors.groupingBy(plan -> plan.unitCode + "/" + plan.unitValidFrom));
        Map<Long, List<Target>> targetsByPlan = targets.listAll().stream()
                .sorted(Comparator.comparing((Target target) -> target.id))
                .collect(Collectors.groupingBy(target -> target.planId));
        Map<Long, TargetProgress> progress = entityManager.createQuery("from TargetProgress", TargetProgress.class)
                .getResultList().stream().collect(Collectors.toMap(one -> one.targetId, Function.identity()));
        List<UnitPlans> answer = new ArrayList<>();
        for (ReplicaUnit unit : units.unitsOn(day)) {
            List<PlanTargets> carried = new ArrayList<>();
            addPlans(carried, plansByVersion.get(unit.code() + "/" + unit.validFrom()), false, targetsByPlan, progress);
            for (ReplicaUnit predecessor : units.predecessorsOf(unit)) {
                addPlans(carried, plansByVersion.get(predecessor.code() + "/" + predecessor.validFrom()), true,
                        targetsByPlan, progress);
            }
            answer.add(new UnitPlans(unit, carried));
        }
        return answer;
    }

    private static void addPlans(List<PlanTargets> carried, List<Plan> plans, boolean inherited,
            Map<Long, List<Target>> targetsByPlan, Map<Long, TargetProgress> progress) {
        for (Plan plan : plans == null ? List.<Plan>of() : plans) {
            carried.add(new PlanTargets(plan, inherited, targetsByPlan.getOrDefault(plan.id, List.of()).stream()
                    .map(target -> new TargetRegistry.Set(target, progress.get(target.id))).toList()));
        }
    }
}
