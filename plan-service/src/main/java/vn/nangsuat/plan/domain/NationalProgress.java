package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.rules.OverTime;

/**
 * How far the country is towards each national goal, computed at each read from the plans and the observation
 * replica (never a stored tally), its status by the same {@link ProgressRule} as a plan's target.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NationalProgress {

    /**
     * A goal's progress. For PLANS, {@code current} counts the units that approved a plan as they were then (the 63
     * units until 30 June 2025), {@code unitsInForce} today's units that have one through themselves or a predecessor.
     */
    public record GoalProgress(ProgressStatus status, BigDecimal current, Integer latestYear, String reason,
            List<Long> plans, Integer unitsInForce) {
    }

    private final PlanRepository plans;
    private final IndicatorReplica values;
    private final ProvinceReplica units;
    private final Clock clock;
    private final AssessmentYear year;

    public NationalProgress(PlanRepository plans, IndicatorReplica values, ProvinceReplica units, AssessmentYear year) {
        this.plans = plans;
        this.values = values;
        this.units = units;
        this.year = year;
        this.clock = Clock.systemUTC();
    }

    public GoalProgress of(NationalGoal goal) {
        return switch (goal.measure) {
            case PLANS -> plansOf(goal);
            case RATIO_GROWTH -> ratioGrowthOf(goal);
            case COUNT -> countOf(goal);
            case REPORTED -> new GoalProgress(ProgressStatus.NO_DATA, null, null, "a national figure published "
                    + "elsewhere: provincial values are never summed or averaged into it", List.of(), null);
        };
    }

    /** Units with an approved Decision 36 plan by each year's end; the goal is met at its low bound. */
    private GoalProgress plansOf(NationalGoal goal) {
        int lastYear = Math.min(goal.key.year(), LocalDate.now(clock).getYear());
        List<Plan> approved = plans.approvedUnder(LegalBasis.DECISION_36_2021, LocalDate.of(lastYear, 12, 31));
        List<ProgressRule.YearValue> counts = new ArrayList<>();
        counts.add(new ProgressRule.YearValue(goal.baselineYear, BigDecimal.ZERO));
        for (int year = goal.baselineYear + 1; year <= lastYear; year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            counts.add(new ProgressRule.YearValue(year, BigDecimal.valueOf(approvingUnits(approved.stream()
                    .filter(plan -> !plan.approvalDate.isAfter(end)).toList()).size())));
        }
        Set<String> byApprovingUnit = approvingUnits(approved);
        ProgressRule.Assessment assessment = assess(goal, TargetKind.LEVEL, counts);
        return new GoalProgress(assessment.status(), BigDecimal.valueOf(byApprovingUnit.size()), lastYear,
                byApprovingUnit.size() + " units approved a plan under Decision 36 by " + lastYear + " (as they were "
                        + "then): " + assessment.reason(),
                approved.stream().map(plan -> plan.id).toList(), unitsInForceWithPlan(byApprovingUnit));
    }

    /** The average yearly growth of the national ratio of sums since the baseline year. */
    private GoalProgress ratioGrowthOf(NationalGoal goal) {
        List<ProgressRule.YearValue> ratios = new ArrayList<>();
        StringBuilder coverage = new StringBuilder();
        for (IndicatorReplica.NationalYear year : values.nationalSums(goal.numeratorCode, goal.denominatorCode)) {
            if (year.denominator().signum() > 0 && year.year() >= goal.baselineYear && year.year() <= goal.key.year()) {
                ratios.add(new ProgressRule.YearValue(year.year(), year.numerator().divide(year.denominator(),
                        MathContext.DECIMAL64)));
                coverage.append(coverage.isEmpty() ? "" : ", ").append(year.year()).append(": ").append(year.units());
            }
        }
        ProgressRule.Assessment assessment = assess(goal, TargetKind.GROWTH, ratios);
        BigDecimal growth = null;
        if (assessment.status() != ProgressStatus.NO_DATA && assessment.ratio() != null) {
            ProgressRule.YearValue base = ratios.get(0);
            ProgressRule.YearValue latest = ratios.get(ratios.size() - 1);
            double yearly = Math.pow(latest.value().doubleValue() / base.value().doubleValue(),
                    1.0 / (latest.year() - base.year())) - 1;
            growth = BigDecimal.valueOf(yearly * 100).setScale(2, RoundingMode.HALF_UP);
        }
        return new GoalProgress(assessment.status(), growth, assessment.latestYear(), "national " + goal.numeratorCode
                + " / " + goal.denominatorCode + " as a ratio of sums over the units with both values (units per year: "
                + (coverage.isEmpty() ? "none" : coverage) + "): " + assessment.reason(), List.of(), null);
    }

    /**
     * A count of the decision: a FLOW (what happened in each year: SMEs starting a pilot) is summed over the years from
     * the baseline year; a STOCK (what exists at each year's end: schools running a club) is its latest national level,
     * never a sum over the years, counted from 0 when the baseline year has no value.
     */
    private GoalProgress countOf(NationalGoal goal) {
        List<ProgressRule.YearValue> sums = values.nationalSums(goal.numeratorCode, null).stream()
                .map(year -> new ProgressRule.YearValue(year.year(), year.numerator())).toList();
        OverTime overTime = values.indicator(goal.numeratorCode).map(IndicatorReplica.Indicator::overTime)
                .orElse(OverTime.FLOW);
        if (overTime.summable()) {
            ProgressRule.Assessment assessment = assess(goal, TargetKind.CUMULATIVE, sums);
            return new GoalProgress(assessment.status(), assessment.latestValue(), assessment.latestYear(),
                    "national sum of " + goal.numeratorCode + " from " + goal.baselineYear + " (a flow: what happened in"
                            + " each year, summed): " + assessment.reason(), List.of(), null);
        }
        List<ProgressRule.YearValue> levels = new ArrayList<>(sums);
        boolean fromZero = sums.stream().noneMatch(year -> year.year() == goal.baselineYear);
        if (fromZero) {
            levels.add(0, new ProgressRule.YearValue(goal.baselineYear, BigDecimal.ZERO));
        }
        ProgressRule.Assessment assessment = assess(goal, TargetKind.LEVEL, levels);
        return new GoalProgress(assessment.status(), assessment.latestValue(), assessment.latestYear(),
                "national level of " + goal.numeratorCode + " (a stock: what exists at the year's end, never summed over"
                        + " the years" + (fromZero ? ", counted from 0 in " + goal.baselineYear : "") + "): "
                        + assessment.reason(), List.of(), null);
    }

    private ProgressRule.Assessment assess(NationalGoal goal, TargetKind kind, List<ProgressRule.YearValue> values) {
        return ProgressRule.assess(new ProgressRule.Terms(kind, Better.HIGHER, goal.baselineYear, null, goal.key.year(),
                goal.low), values, year.now());
    }

    /** The units as they were when they approved: code and first day of the version. */
    private static Set<String> approvingUnits(List<Plan> approved) {
        return approved.stream().map(plan -> plan.unitCode + "/" + plan.unitValidFrom)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Today's units that approved a plan themselves or through a unit that became part of them. */
    private int unitsInForceWithPlan(Set<String> approvingUnits) {
        int count = 0;
        for (ReplicaUnit unit : units.unitsOn(LocalDate.now(clock))) {
            boolean own = approvingUnits.contains(unit.code() + "/" + unit.validFrom());
            if (own || units.predecessorsOf(unit).stream()
                    .anyMatch(predecessor -> approvingUnits.contains(predecessor.code() + "/" + predecessor.validFrom()))) {
                count++;
            }
        }
        return count;
    }
}
