package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;

/**
 * A unit's series expressed on the units in force on a date, so it stays comparable across the 2025 mergers. A
 * period belongs to the units in force on its last day (as in aggregates); before the unit took its form on that
 * date, its value is combined from the units it was made of (which ones: province-replica's {@link UnitComposition},
 * the rule plan-service's series follow too): additive values summed, a ratio from its summed parts
 * (never a sum or mean of ratios), a growth from the combined base in both periods. What cannot be combined honestly
 * (a ratio reported without its parts, a reported-only indicator, a missing predecessor, a unit split between several
 * successors) is left out with the reason. Only forward: a value after a unit ceased is never split back onto it.
 */
@ApplicationScoped
@Transactional
public class Harmonizer {

    private static final int SCALE = 6;

    /** A value of the harmonised series, from the units it was combined from (one unless a merger lies between). */
    public record Value(String indicator, Period period, BigDecimal value, boolean derived, List<String> units,
            Set<ObservationStatus> statuses, int revisions) {
    }

    /** A period of the range the series cannot give, and why. */
    public record LeftOut(String indicator, Period period, String reason) {
    }

    public record Series(ReplicaUnit unit, LocalDate date, List<Value> values, List<LeftOut> leftOut) {
    }

    private final IndicatorCatalog indicators;
    private final ObservationRepository observations;
    private final ProvinceReplica units;

    public Harmonizer(IndicatorCatalog indicators, ObservationRepository observations, ProvinceReplica units) {
        this.indicators = indicators;
        this.observations = observations;
        this.units = units;
    }

    public Series series(String unit, List<String> indicatorCodes, Optional<Period> from, Optional<Period> to,
            LocalDate date, Instant asOf) {
        List<IndicatorDefinition> wanted = indicatorCodes.stream().distinct().map(indicators::definition).toList();
        ReplicaUnit target = units.unitOn(unit, date).orElseThrow(() -> ProblemException.invalid("unit",
                unit + " was not in force on " + date + ": harmonize to a date when it was"));
        if (target.validTo() != null && (to.isEmpty() || to.get().lastDay().isAfter(target.validTo()))) {
            List<String> successors = units.successorsOf(target);
            throw ProblemException.invalid("harmonize", unit + " as on " + date + " (" + target.name() + ") ceased on "
                    + target.validTo() + (successors.isEmpty() ? "" : " and became part of " + String.join(", ", successors))
                    + ": a later value belongs to " + (successors.isEmpty() ? "other units" : String.join(", ", successors))
                    + " and cannot be split back onto it. Harmonize forward: to a date on or after the last period"
                    + " (or give `to` on or before " + target.validTo() + ")");
        }
        UnitComposition tree = new UnitComposition(units, target);
        Set<String> needed = new LinkedHashSet<>();
        wanted.forEach(indicator -> collect(indicator, needed));
        Map<String, Observation> values = new HashMap<>();
        for (Observation observation : observations.valuesAsOf(tree.codes(), needed, asOf != null ? asOf : Instant.now())) {
            values.put(key(observation.id.unitCode(), observation.id.indicatorCode(), observation.period()), observation);
        }
        Data data = new Data(values, tree);
        List<Value> series = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (IndicatorDefinition indicator : wanted) {
            for (Period period : data.periods(indicator, from, to)) {
                Result result = data.value(indicator, period);
                if (result.value != null) {
                    series.add(new Value(indicator.code, period, result.value, result.derived, List.copyOf(result.units),
                            result.statuses, result.revisions));
                } else {
                    leftOut.add(new LeftOut(indicator.code, period, result.reason));
                }
            }
        }
        return new Series(target, date, series, leftOut);
    }

    /** The indicator and those it is computed from. */
    private void collect(IndicatorDefinition indicator, Set<String> codes) {
        if (!codes.add(indicator.code)) {
            return;
        }
        for (String part : new String[] {indicator.numeratorCode, indicator.denominatorCode, indicator.baseCode}) {
            if (part != null) {
                collect(indicators.definition(part), codes);
            }
        }
    }

    private static String key(String unit, String indicator, Period period) {
        return unit + "|" + indicator + "|" + period;
    }

    /** A value, or the reason there is none; the units and statuses it rests on. */
    private record Result(BigDecimal value, boolean derived, Set<String> units, Set<ObservationStatus> statuses,
            int revisions, String reason) {

        static Result none(String reason) {
            return new Result(null, false, null, Set.of(), 0, reason);
        }

        static Result of(BigDecimal value, boolean derived, Set<String> units, Set<ObservationStatus> statuses,
                int revisions) {
            return new Result(value, derived, units, statuses, revisions, null);
        }
    }

    private final class Data {
        final Map<String, Observation> values;
        final UnitComposition tree;

        Data(Map<String, Observation> values, UnitComposition tree) {
            this.values = values;
            this.tree = tree;
        }

        /** The periods of the range for which the indicator or what it is computed from has a value. */
        Set<Period> periods(IndicatorDefinition indicator, Optional<Period> from, Optional<Period> to) {
            Set<String> codes = new LinkedHashSet<>();
            collect(indicator, codes);
            Set<Period> periods = new TreeSet<>();
            for (Observation observation : values.values()) {
                Period period = observation.period();
                if (codes.contains(observation.id.indicatorCode()) && period.periodicity() == indicator.periodicity
                        && (from.isEmpty() || !period.firstDay().isBefore(from.get().firstDay()))
                        && (to.isEmpty() || !period.lastDay().isAfter(to.get().lastDay()))) {
                    periods.add(period);
                }
            }
            return periods;
        }

        Result value(IndicatorDefinition indicator, Period period) {
            UnitComposition.Parts parts = tree.on(period.lastDay(), period.toString());
            if (!parts.known()) {
                return Result.none(parts.reason());
            }
            Set<String> codes = parts.codes();
            if (codes.size() == 1) {
                Observation reported = values.get(key(codes.iterator().next(), indicator.code, period));
                if (reported != null) {
                    return Result.of(reported.value, false, codes, Set.of(reported.status), 1);
                }
            }
            return switch (indicator.aggregation) {
                case ADDITIVE -> sum(indicator, codes, period);
                case RATIO -> ratio(indicator, codes, period);
                case GROWTH -> growth(indicator, period);
                case REPORTED -> Result.none(codes.size() == 1 ? "no value of " + indicator.code + " for "
                        + String.join("", codes) + " in " + period : indicator.code + " is reported only: the values of "
                        + String.join(", ", codes) + " are never combined");
            };
        }

        private Result sum(IndicatorDefinition indicator, Set<String> codes, Period period) {
            BigDecimal sum = BigDecimal.ZERO;
            Set<ObservationStatus> statuses = new TreeSet<>();
            for (String code : codes) {
                Observation part = values.get(key(code, indicator.code, period));
                if (part == null) {
                    return Result.none("no value of " + indicator.code + " for " + code + " in " + period);
                }
                sum = sum.add(part.value);
                statuses.add(part.status);
            }
            return Result.of(sum, codes.size() > 1, codes, statuses, codes.size());
        }

        private Result ratio(IndicatorDefinition indicator, Set<String> codes, Period period) {
            IndicatorDefinition numerator = indicators.definition(indicator.numeratorCode);
            IndicatorDefinition denominator = indicators.definition(indicator.denominatorCode);
            Result top = sum(numerator, codes, period);
            Result bottom = sum(denominator, codes, period);
            for (Result part : List.of(top, bottom)) {
                if (part.value == null) {
                    boolean reportedAlone = codes.stream().anyMatch(code -> values.containsKey(key(code, indicator.code, period)));
                    return Result.none((reportedAlone ? indicator.code + " reported without its parts cannot be combined: "
                            : "") + part.reason);
                }
            }
            if (bottom.value.signum() <= 0) {
                return Result.none(denominator.code + " is zero for " + String.join(", ", codes) + " in " + period);
            }
            Set<ObservationStatus> statuses = new TreeSet<>(top.statuses);
            statuses.addAll(bottom.statuses);
            return Result.of(top.value.divide(bottom.value, SCALE, RoundingMode.HALF_EVEN), true, codes, statuses,
                    top.revisions + bottom.revisions);
        }

        private Result growth(IndicatorDefinition indicator, Period period) {
            IndicatorDefinition base = indicators.definition(indicator.baseCode);
            Result now = value(base, period);
            Result before = value(base, period.previous());
            if (now.value == null || before.value == null) {
                return Result.none("no " + base.code + " to grow from: " + (now.value == null ? now.reason : before.reason));
            }
            if (before.value.signum() <= 0) {
                return Result.none(base.code + " is zero in " + period.previous() + ": growth from zero is undefined");
            }
            Set<ObservationStatus> statuses = new TreeSet<>(now.statuses);
            statuses.addAll(before.statuses);
            Set<String> codes = new TreeSet<>(now.units);
            codes.addAll(before.units);
            BigDecimal growth = now.value.divide(before.value, SCALE + 4, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE)
                    .multiply(BigDecimal.valueOf(100)).setScale(SCALE, RoundingMode.HALF_EVEN);
            return Result.of(growth, true, codes, statuses, now.revisions + before.revisions);
        }
    }
}
