package vn.nangsuat.plan.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.nangsuat.kit.cache.ReadModel;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.plan.events.PlanEvents;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.IndicatorRule;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Period;
import vn.nangsuat.rules.Territory;

/**
 * How far the country is towards each national goal, from the plans and the observation replica, its status by the
 * same {@link ProgressRule} as a plan's target. Held as a read model ({@link #now}): computed again whenever a goal, a
 * plan, a definition, a value of an indicator a goal reads or a unit changes, never at a read; a new day is a new key,
 * so a year turning moves the PLANS goals without a change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class NationalProgress {

    /**
     * A goal's progress. For PLANS, {@code current} counts the units that approved a plan as they were then (the 63
     * units until 30 June 2025), {@code unitsInForce} today's units that have one through themselves or a predecessor.
     * {@code published}: the value is the country's figure as the statistics office published it (recorded for VN);
     * {@code provinces} the same measure from the provinces' values beside it, with its coverage in the reason.
     */
    public record GoalProgress(ProgressStatus status, BigDecimal current, Integer latestYear, String reason,
            List<Long> plans, Integer unitsInForce, boolean published, BigDecimal provinces) {
    }

    private final PlanRepository plans;
    private final IndicatorReplica values;
    private final ProvinceReplica units;
    private final Clock clock;
    private final AssessmentYear year;
    private final ReadModel<LocalDate, Map<String, GoalProgress>> country;
    /** Set at the start of each computation; null until the first. */
    private volatile Set<String> valuesRead;

    public NationalProgress(PlanRepository plans, IndicatorReplica values, ProvinceReplica units, AssessmentYear year,
            NationalGoalRepository goals, Snapshots snapshots) {
        this.plans = plans;
        this.values = values;
        this.units = units;
        this.year = year;
        this.clock = Clock.systemUTC();
        this.country = snapshots.readModel("national progress", day -> {
            List<NationalGoal> all = goals.forYear(null).list();
            valuesRead = valuesRead(all);  // before any value is read: a change committed after this is seen by the filter
            return all.stream().collect(Collectors.toMap(NationalProgress::key, this::of, (one, other) -> one, TreeMap::new));
        }, (day, type, id) -> !IndicatorReplica.AGGREGATE.equals(type) || valuesRead == null || valuesRead.contains(id),
                NationalGoals.AGGREGATE, PlanEvents.AGGREGATE, IndicatorReplica.AGGREGATE, ProvinceReplica.AGGREGATE);
        country.hold(LocalDate.now(clock));
    }

    /**
     * The indicators whose values the goals read: their numerators and denominators, and the published growth of a
     * ratio goal. A value of any other (an import of a province's own indicators) leaves the national progress be; a
     * definition changed moves it all (the replica's definition events name no indicator).
     */
    private Set<String> valuesRead(List<NationalGoal> goals) {
        Set<String> codes = new HashSet<>();
        for (NationalGoal goal : goals) {
            if (goal.numeratorCode != null) {
                codes.add(goal.numeratorCode);
            }
            if (goal.denominatorCode != null) {
                codes.add(goal.denominatorCode);
                values.growthOfRatio(goal.numeratorCode, goal.denominatorCode).ifPresent(codes::add);
            }
        }
        return Set.copyOf(codes);
    }

    /** The country's progress towards every goal today, as last computed (by goal, `CODE/YEAR`), with its ETag. */
    public ReadModel.Answer<Map<String, GoalProgress>> now() {
        return country.get(LocalDate.now(clock));
    }

    /** As {@link #now}, on the calling thread when held: for a read on the event loop (see {@link ReadModel#answer}). */
    public Uni<ReadModel.Answer<Map<String, GoalProgress>>> nowWithoutBlocking() {
        return country.answer(LocalDate.now(clock));
    }

    /** The country's progress towards the goal as last computed; computed now for a goal not held yet. */
    public GoalProgress current(NationalGoal goal) {
        GoalProgress held = now().value().get(key(goal));
        return held != null ? held : of(goal);
    }

    /** A goal's key in {@link #now}'s map. */
    public static String key(NationalGoal goal) {
        return goal.key.code() + "/" + goal.key.year();
    }

    /** The progress computed now, from what this service holds. */
    public GoalProgress of(NationalGoal goal) {
        return switch (goal.measure) {
            case PLANS -> plansOf(goal);
            case RATIO_GROWTH -> ratioGrowthOf(goal);
            case COUNT -> countOf(goal);
            case REPORTED -> reportedOf(goal);
        };
    }

    /**
     * Units with an approved Decision 36 plan by each year's end; the goal is met at its low bound. A plan withdrawn
     * later still counts in the years it stood approved.
     */
    private GoalProgress plansOf(NationalGoal goal) {
        int lastYear = Math.min(goal.key.year(), LocalDate.now(clock).getYear());
        List<PlanRepository.Approval> approvals = plans.approvalsUnder(LegalBasis.DECISION_36_2021,
                LocalDate.of(lastYear, 12, 31));
        List<ProgressRule.YearValue> counts = new ArrayList<>();
        counts.add(new ProgressRule.YearValue(goal.baselineYear, BigDecimal.ZERO));
        for (int year = goal.baselineYear + 1; year <= lastYear; year++) {
            counts.add(new ProgressRule.YearValue(year,
                    BigDecimal.valueOf(approvingUnits(approvedOn(approvals, LocalDate.of(year, 12, 31))).size())));
        }
        List<Plan> approved = approvedOn(approvals, LocalDate.of(lastYear, 12, 31));
        Set<String> byApprovingUnit = approvingUnits(approved);
        ProgressRule.Assessment assessment = assess(goal, goal.baselineYear, TargetKind.LEVEL, counts);
        return new GoalProgress(assessment.status(), BigDecimal.valueOf(byApprovingUnit.size()), lastYear,
                byApprovingUnit.size() + " units approved a plan under Decision 36 by " + lastYear + " (as they were "
                        + "then; a plan withdrawn later counts in the years it stood approved): " + assessment.reason(),
                approved.stream().map(plan -> plan.id).toList(), unitsInForceWithPlan(byApprovingUnit), false, null);
    }

    private static List<Plan> approvedOn(List<PlanRepository.Approval> approvals, LocalDate day) {
        return approvals.stream().filter(approval -> approval.standsOn(day)).map(PlanRepository.Approval::plan).toList();
    }

    /**
     * The average yearly growth of the national ratio (labour productivity: GRDP at constant prices per worker), the
     * published national figure first: VN's recorded growth of that ratio, chain-linked over the latest run of years
     * that has it. Beside it (or alone, without one) the provinces' figure, a ratio of sums, chain-linked: from one
     * year with values to the next, the growth by statistics-rules over the units in force at the later year's end,
     * each compared with the same territory in the earlier year (a unit merged in 2025 with the units it was made of),
     * from the baseline year's ratio. So the units that reported in one year are never compared with those of
     * another, and a unit that ceased never counts beside its successor.
     */
    private GoalProgress ratioGrowthOf(NationalGoal goal) {
        Chain provinces = provincesChain(goal);
        Chain published = values.growthOfRatio(goal.numeratorCode, goal.denominatorCode)
                .map(growth -> publishedChain(goal, growth)).orElse(null);
        if (published == null) {
            return new GoalProgress(provinces.assessment().status(), provinces.average(),
                    provinces.assessment().latestYear(), provinces.reason() + ": " + provinces.assessment().reason(),
                    List.of(), null, false, null);
        }
        return new GoalProgress(published.assessment().status(), published.average(),
                published.assessment().latestYear(), published.reason() + ": " + published.assessment().reason()
                        + ". Beside it, the provinces' figure: " + (provinces.average() == null ? "none" : provinces.average()
                        + " %/year") + " (" + provinces.reason() + ")", List.of(), null, true, provinces.average());
    }

    /** A chain of levels, assessed, its average yearly growth in percent, and how it was made. */
    private record Chain(ProgressRule.Assessment assessment, BigDecimal average, String reason) {
    }

    private Chain provincesChain(NationalGoal goal) {
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
            levels = levels(linked, Combination.chain(start.value() != null ? start.value() : BigDecimal.valueOf(100),
                    growths));
        }
        ProgressRule.Assessment assessment = assess(goal, goal.baselineYear, TargetKind.GROWTH, levels);
        return new Chain(assessment, average(assessment, levels), "the provinces' " + ratio.code()
                + " as a ratio of sums, chain-linked from " + goal.baselineYear + ": each link over the units in force"
                + " at its later year's end, compared with the same territory in its earlier year (units counted of"
                + " those in force: " + (coverage.isEmpty() ? "none" : coverage) + ")" + broken);
    }

    /**
     * VN's recorded growth, chain-linked from 100 over the latest run of consecutive years (after the baseline year, up
     * to the goal's) that has it, and assessed from the year before that run; null when VN has none.
     */
    private Chain publishedChain(NationalGoal goal, String growthCode) {
        IndicatorReplica.Yearly recorded = values.yearly(List.of(Territory.NATION), List.of(growthCode));
        List<Integer> run = new ArrayList<>();
        for (int year = goal.key.year(); year > goal.baselineYear; year--) {
            boolean has = recorded.of(Territory.NATION, growthCode, Period.year(year)) != null;
            if (has) {
                run.add(0, year);
            } else if (!run.isEmpty()) {
                break;
            }
        }
        if (run.isEmpty()) {
            return null;
        }
        int from = run.get(0) - 1;
        List<BigDecimal> growths = run.stream()
                .map(year -> recorded.of(Territory.NATION, growthCode, Period.year(year)).value()).toList();
        List<Integer> years = new ArrayList<>(List.of(from));
        years.addAll(run);
        List<ProgressRule.YearValue> levels = levels(years, Combination.chain(BigDecimal.valueOf(100), growths));
        ProgressRule.Assessment assessment = assess(goal, from, TargetKind.GROWTH, levels);
        return new Chain(assessment, average(assessment, levels), "the published national " + growthCode + " (recorded"
                + " for " + Territory.NATION + ") for " + run.get(0) + (run.size() > 1 ? "-" + run.get(run.size() - 1) : "")
                + ", chain-linked as an index (" + from + " = 100)" + (from > goal.baselineYear ? ", since none is recorded"
                        + " for " + (from == goal.baselineYear + 1 ? String.valueOf(from)
                                : "the years " + (goal.baselineYear + 1) + " to " + from) : ""));
    }

    private static List<ProgressRule.YearValue> levels(List<Integer> years, List<BigDecimal> chained) {
        List<ProgressRule.YearValue> levels = new ArrayList<>();
        for (int i = 0; i < chained.size(); i++) {
            levels.add(new ProgressRule.YearValue(years.get(i), chained.get(i)));
        }
        return levels;
    }

    /** The average yearly growth in percent from the first level to the latest, when the assessment has one. */
    private static BigDecimal average(ProgressRule.Assessment assessment, List<ProgressRule.YearValue> levels) {
        if (assessment.status() == ProgressStatus.NO_DATA || assessment.ratio() == null) {
            return null;
        }
        ProgressRule.YearValue base = levels.get(0);
        ProgressRule.YearValue latest = levels.stream().filter(level -> level.year() == assessment.latestYear())
                .findFirst().orElse(levels.get(levels.size() - 1));
        double yearly = Math.pow(latest.value().doubleValue() / base.value().doubleValue(),
                1.0 / (latest.year() - base.year())) - 1;
        return BigDecimal.valueOf(yearly * 100).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * A count of the decision, each year the country's published figure where VN has one, else the sum over the units
     * in force at the year's end (statistics-rules), never a ceased unit's beside its successor's. A FLOW (what happened
     * in each year: SMEs starting a pilot) is summed over the years from the baseline year; a STOCK (what exists at each
     * year's end: schools running a club) is its latest national level, never a sum over the years, counted from 0
     * when the baseline year has no value.
     */
    private GoalProgress countOf(NationalGoal goal) {
        IndicatorRule rule = values.rulesWithParts(goal.numeratorCode).getOrDefault(goal.numeratorCode,
                IndicatorRule.additive(goal.numeratorCode, OverTime.FLOW));
        IndicatorReplica.Yearly known = values.yearly(null, List.of(goal.numeratorCode));
        Combination combination = new Combination(code -> rule, known);
        List<ProgressRule.YearValue> national = new ArrayList<>();
        Set<Integer> publishedYears = new TreeSet<>();
        StringBuilder coverage = new StringBuilder();
        BigDecimal provinces = null;
        for (int year : known.years()) {
            Combination.Recorded published = known.of(Territory.NATION, goal.numeratorCode, Period.year(year));
            Combination.Aggregate sum = combination.aggregate(rule, territoriesAt(year), Period.year(year));
            provinces = sum.value() != null ? sum.value() : provinces;
            if (published != null) {
                publishedYears.add(year);
                national.add(new ProgressRule.YearValue(year, published.value()));
            } else if (sum.value() != null) {
                national.add(new ProgressRule.YearValue(year, sum.value()));
                coverage.append(coverage.isEmpty() ? "" : ", ").append(year).append(": ")
                        .append(sum.coverage().unitsCounted()).append(" of ").append(sum.coverage().unitsInForce());
            }
        }
        String source = (publishedYears.isEmpty() ? "" : " (the published national figure, recorded for "
                + Territory.NATION + ", in " + publishedYears + "; the provinces' sum in the other years)")
                + (coverage.isEmpty() ? "" : " (units counted of those in force: " + coverage + ")");
        OverTime overTime = rule.overTime() != null ? rule.overTime() : OverTime.FLOW;
        if (overTime.summable()) {
            ProgressRule.Assessment assessment = assess(goal, goal.baselineYear, TargetKind.CUMULATIVE, national);
            return new GoalProgress(assessment.status(), assessment.latestValue(), assessment.latestYear(),
                    "national sum of " + goal.numeratorCode + " from " + goal.baselineYear + " (a flow: what happened in"
                            + " each year, summed)" + source + ": " + assessment.reason(), List.of(), null,
                    assessment.latestYear() != null && publishedYears.contains(assessment.latestYear()), null);
        }
        List<ProgressRule.YearValue> levels = new ArrayList<>(national);
        boolean fromZero = national.stream().noneMatch(year -> year.year() == goal.baselineYear);
        if (fromZero) {
            levels.add(0, new ProgressRule.YearValue(goal.baselineYear, BigDecimal.ZERO));
        }
        ProgressRule.Assessment assessment = assess(goal, goal.baselineYear, TargetKind.LEVEL, levels);
        boolean latestPublished = assessment.latestYear() != null && publishedYears.contains(assessment.latestYear());
        return new GoalProgress(assessment.status(), assessment.latestValue(), assessment.latestYear(),
                "national level of " + goal.numeratorCode + " (a stock: what exists at the year's end, never summed over"
                        + " the years" + (fromZero ? ", counted from 0 in " + goal.baselineYear : "") + ")" + source
                        + ": " + assessment.reason(), List.of(), null, latestPublished,
                latestPublished ? provinces : null);
    }

    /**
     * A figure only the country has (the TFP contribution to growth): VN's recorded values, never a sum or mean of
     * provincial ones. Its baseline is the latest value at or before the baseline year.
     */
    private GoalProgress reportedOf(NationalGoal goal) {
        IndicatorReplica.Yearly recorded = values.yearly(List.of(Territory.NATION), List.of(goal.numeratorCode));
        List<ProgressRule.YearValue> levels = recorded.years().stream().filter(year -> year <= goal.key.year())
                .map(year -> new ProgressRule.YearValue(year,
                        recorded.of(Territory.NATION, goal.numeratorCode, Period.year(year)).value())).toList();
        if (levels.isEmpty()) {
            return new GoalProgress(ProgressStatus.NO_DATA, null, null, "a national figure: none of " + goal.numeratorCode
                    + " is recorded for " + Territory.NATION + " yet, and provincial values are never summed or averaged"
                    + " into it", List.of(), null, false, null);
        }
        ProgressRule.YearValue baseline = levels.stream().filter(level -> level.year() <= goal.baselineYear)
                .reduce((earlier, later) -> later).orElse(null);
        ProgressRule.Assessment assessment = ProgressRule.assess(new ProgressRule.Terms(TargetKind.LEVEL, Better.HIGHER,
                goal.baselineYear, baseline == null ? null : baseline.value(), goal.key.year(), goal.low), levels,
                year.now());
        ProgressRule.YearValue latest = levels.get(levels.size() - 1);
        return new GoalProgress(assessment.status(), latest.value(), latest.year(), "the published national "
                + goal.numeratorCode + " (recorded for " + Territory.NATION + "), " + plain(latest.value()) + " in "
                + latest.year() + (baseline == null ? "" : "; baseline " + plain(baseline.value()) + " (" + baseline.year()
                        + ", the latest at or before " + goal.baselineYear + ")") + ": " + assessment.reason(),
                List.of(), null, true, null);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The units in force at the year's end, each a territory over time. */
    private List<UnitComposition> territoriesAt(int year) {
        return units.territoriesOn(LocalDate.of(year, 12, 31), null);
    }

    private ProgressRule.Assessment assess(NationalGoal goal, int baselineYear, TargetKind kind,
            List<ProgressRule.YearValue> values) {
        return ProgressRule.assess(new ProgressRule.Terms(kind, Better.HIGHER, baselineYear, null, goal.key.year(),
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
