package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.IndicatorRule;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Period;

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

    /**
     * The average yearly growth of the national ratio (labour productivity: GRDP at constant prices per worker, a ratio
     * of sums) since the baseline year, chain-linked: from one year with values to the next, the growth by
     * statistics-rules over the units in force at the later year's end, each compared with the same territory in the
     * earlier year (a unit merged in 2025 with the units it was made of), chained from the baseline year's ratio. So
     * the units that reported in one year are never compared with those of another, and a unit that ceased never
     * counts beside its successor.
     */
    private GoalProgress ratioGrowthOf(NationalGoal goal) {
        Map<String, IndicatorRule> rules = new HashMap<>(values.rulesWithParts(goal.numeratorCode));
        rules.putAll(values.rulesWithParts(goal.denominatorCode));
        IndicatorRule ratio = IndicatorRule.ratio(goal.numeratorCode + " / " + goal.denominatorCode, goal.numeratorCode,
                goal.denominatorCode);
        rules.putIfAbsent(goal.numeratorCode, IndicatorRule.additive(goal.numeratorCode, OverTime.FLOW));
        rules.putIfAbsent(goal.denominatorCode, IndicatorRule.additive(goal.denominatorCode, OverTime.STOCK));
        IndicatorReplica.Yearly known = values.yearly(null, List.of(goal.numeratorCode, goal.denominatorCode));
        Combination combination = new Combination(rules::get, known);
        Combination.Aggregate start = combination.aggregate(ratio, territoriesAt(goal.baselineYear),
                Period.year(goal.baselineYear));
        List<BigDecimal> growths = new ArrayList<>();
        List<Integer> linked = new ArrayList<>(List.of(goal.baselineYear));
        StringBuilder coverage = new StringBuilder();
        String broken = "";
        for (int year : known.years()) {
            if (year <= goal.baselineYear || year > goal.key.year()) {
                continue;
            }
            int from = linked.get(linked.size() - 1);
            Combination.Aggregate link = combination.change(ratio, territoriesAt(year), Period.year(from), Period.year(year));
            if (link.value() == null) {
                broken = "; the chain stops at " + year + ": " + link.reason();
                break;
            }
            growths.add(link.value());
            linked.add(year);
            coverage.append(coverage.isEmpty() ? "" : ", ").append(year).append(": ")
                    .append(link.coverage().unitsCounted()).append(" of ").append(link.coverage().unitsInForce());
        }
        List<ProgressRule.YearValue> levels = new ArrayList<>();
        if (start.value() != null || !growths.isEmpty()) {
            // Without the baseline year's ratio the chain is an index from 100: its growth is the same.
            List<BigDecimal> chained = Combination.chain(start.value() != null ? start.value() : BigDecimal.valueOf(100),
                    growths);
            for (int i = 0; i < chained.size(); i++) {
                levels.add(new ProgressRule.YearValue(linked.get(i), chained.get(i)));
            }
        }
        ProgressRule.Assessment assessment = assess(goal, TargetKind.GROWTH, levels);
        BigDecimal average = null;
        if (assessment.status() != ProgressStatus.NO_DATA && assessment.ratio() != null) {
            ProgressRule.YearValue base = levels.get(0);
            ProgressRule.YearValue latest = levels.get(levels.size() - 1);
            double yearly = Math.pow(latest.value().doubleValue() / base.value().doubleValue(),
                    1.0 / (latest.year() - base.year())) - 1;
            average = BigDecimal.valueOf(yearly * 100).setScale(2, RoundingMode.HALF_UP);
        }
        return new GoalProgress(assessment.status(), average, assessment.latestYear(), "national " + ratio.code()
                + " as a ratio of sums, chain-linked from " + goal.baselineYear + ": each link over the units in force"
                + " at its later year's end, compared with the same territory in its earlier year (units counted of"
                + " those in force: " + (coverage.isEmpty() ? "none" : coverage) + ")" + broken + ": "
                + assessment.reason(), List.of(), null);
    }

    /**
     * A count of the decision: a FLOW (what happened in each year: SMEs starting a pilot) is summed over the years from
     * the baseline year; a STOCK (what exists at each year's end: schools running a club) is its latest national level,
     * never a sum over the years, counted from 0 when the baseline year has no value. Each year's national figure is the
     * sum over the units in force at its end (statistics-rules), never a ceased unit's beside its successor's.
     */
    private GoalProgress countOf(NationalGoal goal) {
        IndicatorRule rule = values.rulesWithParts(goal.numeratorCode).getOrDefault(goal.numeratorCode,
                IndicatorRule.additive(goal.numeratorCode, OverTime.FLOW));
        IndicatorReplica.Yearly known = values.yearly(null, List.of(goal.numeratorCode));
        Combination combination = new Combination(code -> rule, known);
        List<ProgressRule.YearValue> sums = new ArrayList<>();
        for (int year : known.years()) {
            Combination.Aggregate national = combination.aggregate(rule, territoriesAt(year), Period.year(year));
            if (national.value() != null) {
                sums.add(new ProgressRule.YearValue(year, national.value()));
            }
        }
        OverTime overTime = rule.overTime() != null ? rule.overTime() : OverTime.FLOW;
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

    /** The units in force at the year's end, each a territory over time. */
    private List<UnitComposition> territoriesAt(int year) {
        return units.territoriesOn(LocalDate.of(year, 12, 31), null);
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
