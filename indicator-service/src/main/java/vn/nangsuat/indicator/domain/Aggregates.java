package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;

/**
 * The value of an indicator for the whole country (or a region) in a period, from the units in force on its last
 * day, combined as the indicator says: additive values summed; a ratio recomputed from its summed parts, over the
 * units that have both (never a sum or mean of ratios); a growth from its base's aggregates of this period and the
 * one before; a reported-only indicator never. The answer names the units counted and those left out. A
 * cross-section ranks the units themselves, each value reported or derived from the unit's own components.
 */
@ApplicationScoped
@Transactional
public class Aggregates {

    /** An aggregate and what it rests on. `value` is null when no unit could be counted. */
    public record Aggregate(IndicatorDefinition indicator, Period period, String region, BigDecimal value,
            BigDecimal numerator, BigDecimal denominator, List<String> counted, List<String> missing,
            Set<ObservationStatus> statuses) {
    }

    /** Ratios and growth rates are computed to this many decimals before they are published. */
    private static final int SCALE = 6;

    private final IndicatorCatalog indicators;
    private final ObservationRepository observations;
    private final ProvinceReplica units;

    public Aggregates(IndicatorCatalog indicators, ObservationRepository observations, ProvinceReplica units) {
        this.indicators = indicators;
        this.observations = observations;
        this.units = units;
    }

    public Aggregate of(String indicatorCode, String periodText, String region, Instant asOf) {
        IndicatorDefinition indicator = indicators.definition(indicatorCode);
        Period period = indicator.period(periodText);
        return of(indicator, period, region, new Reading(asOf != null ? asOf : Instant.now()));
    }

    private Aggregate of(IndicatorDefinition indicator, Period period, String region, Reading reading) {
        return switch (indicator.aggregation) {
            case ADDITIVE -> additive(indicator, period, region, reading);
            case RATIO -> ratio(indicator, period, region, reading);
            case GROWTH -> growth(indicator, period, region, reading);
            case REPORTED -> throw ProblemException.invalid("indicator", indicator.code
                    + " is taken as reported: it is never summed, averaged or derived");
        };
    }

    /** The most periods one series of aggregates covers (twenty years of months). */
    public static final int MAX_SERIES_PERIODS = 240;

    /**
     * The aggregate of each period of the indicator's form from one period to another: nationally comparable across
     * the 2025 mergers, since each period counts the units in force on its last day and the country is the same.
     */
    public List<Aggregate> series(String indicatorCode, String fromText, String toText, String region, Instant asOf) {
        IndicatorDefinition indicator = indicators.definition(indicatorCode);
        Period from = indicator.period(fromText, "from");
        Period to = indicator.period(toText, "to");
        if (to.compareTo(from) < 0) {
            throw ProblemException.invalid("to", "must not be before from (" + from + ")");
        }
        List<Period> periods = new ArrayList<>(List.of(from));
        while (!periods.get(periods.size() - 1).equals(to)) {
            if (periods.size() == MAX_SERIES_PERIODS) {
                throw ProblemException.invalid("to", "a series covers at most " + MAX_SERIES_PERIODS + " periods");
            }
            periods.add(periods.get(periods.size() - 1).next());
        }
        // Read once for the whole range: every unit version, and the values of the indicator's parts in every period.
        Reading reading = new Reading(asOf != null ? asOf : Instant.now());
        Set<String> parts = new TreeSet<>();
        collectParts(indicator, parts);
        List<Period> read = new ArrayList<>(periods);
        read.add(0, from.previous());
        reading.preload(parts, read);
        List<Aggregate> series = new ArrayList<>();
        for (Period period : periods) {
            series.add(of(indicator, period, region, reading));
        }
        return series;
    }

    /** One unit's value in a cross-section: reported, or derived from its components where not reported. */
    public record UnitValue(ReplicaUnit unit, BigDecimal value, boolean derived, Set<ObservationStatus> statuses) {
    }

    /** Every unit in force on the period's last day, ranked best first, and beside them the national aggregate. */
    public record CrossSection(IndicatorDefinition indicator, Period period, List<UnitValue> ranked,
            List<String> without, BigDecimal national) {
    }

    public CrossSection crossSection(String indicatorCode, String periodText, Instant asOf) {
        IndicatorDefinition indicator = indicators.definition(indicatorCode);
        Period period = indicator.period(periodText);
        Reading reading = new Reading(asOf != null ? asOf : Instant.now());
        List<UnitValue> values = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ReplicaUnit unit : units.unitsOn(period.lastDay())) {
            unitValue(indicator, unit, period, reading).ifPresentOrElse(values::add, () -> without.add(unit.code()));
        }
        Comparator<UnitValue> byValue = Comparator.comparing(UnitValue::value);
        values.sort(indicator.better == Direction.LOWER ? byValue : byValue.reversed());
        BigDecimal national = indicator.aggregation == Aggregation.REPORTED ? null
                : of(indicator, period, null, reading).value();
        return new CrossSection(indicator, period, values, without, national);
    }

    /** Reported when it is; else a ratio from the unit's parts, a growth from the unit's base in both periods. */
    private Optional<UnitValue> unitValue(IndicatorDefinition indicator, ReplicaUnit unit, Period period, Reading reading) {
        Optional<Observation> reported = Optional.ofNullable(reading.valuesOf(indicator.code, period).get(unit.code()));
        if (reported.isPresent()) {
            return Optional.of(new UnitValue(unit, reported.get().value, false, Set.of(reported.get().status)));
        }
        if (indicator.aggregation == Aggregation.RATIO) {
            Optional<UnitValue> numerator = unitValue(indicators.definition(indicator.numeratorCode), unit, period, reading);
            Optional<UnitValue> denominator = unitValue(indicators.definition(indicator.denominatorCode), unit, period, reading);
            if (numerator.isPresent() && denominator.isPresent() && denominator.get().value().signum() > 0) {
                return Optional.of(new UnitValue(unit, numerator.get().value().divide(denominator.get().value(), SCALE,
                        RoundingMode.HALF_EVEN), true, union(numerator.get(), denominator.get())));
            }
        }
        if (indicator.aggregation == Aggregation.GROWTH) {
            IndicatorDefinition base = indicators.definition(indicator.baseCode);
            Optional<UnitValue> now = unitValue(base, unit, period, reading);
            Optional<UnitValue> before = unitValue(base, unit, period.previous(), reading);
            if (now.isPresent() && before.isPresent() && before.get().value().signum() > 0) {
                return Optional.of(new UnitValue(unit, growth(now.get().value(), before.get().value()), true,
                        union(now.get(), before.get())));
            }
        }
        return Optional.empty();
    }

    private static Set<ObservationStatus> union(UnitValue a, UnitValue b) {
        Set<ObservationStatus> statuses = new TreeSet<>(a.statuses());
        statuses.addAll(b.statuses());
        return statuses;
    }

    private static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return now.divide(before, SCALE + 4, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE)
                .multiply(BigDecimal.valueOf(100)).setScale(SCALE, RoundingMode.HALF_EVEN);
    }


    private Aggregate additive(IndicatorDefinition indicator, Period period, String region, Reading reading) {
        List<String> inForce = reading.unitsInForce(period, region);
        Map<String, Observation> values = reading.valuesOf(indicator.code, period);
        List<String> counted = inForce.stream().filter(values::containsKey).toList();
        BigDecimal sum = counted.stream().map(code -> values.get(code).value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Aggregate(indicator, period, region, counted.isEmpty() ? null : sum, null, null, counted,
                missing(inForce, counted), statuses(counted, values));
    }

    private Aggregate ratio(IndicatorDefinition indicator, Period period, String region, Reading reading) {
        List<String> inForce = reading.unitsInForce(period, region);
        Map<String, Observation> numerators = reading.valuesOf(indicator.numeratorCode, period);
        Map<String, Observation> denominators = reading.valuesOf(indicator.denominatorCode, period);
        // Both parts of the same units, or the ratio would divide sums of different territories.
        List<String> counted = inForce.stream()
                .filter(code -> numerators.containsKey(code) && denominators.containsKey(code)).toList();
        BigDecimal numerator = counted.stream().map(code -> numerators.get(code).value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal denominator = counted.stream().map(code -> denominators.get(code).value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal value = denominator.signum() > 0 ? numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN) : null;
        Set<ObservationStatus> statuses = statuses(counted, numerators);
        statuses.addAll(statuses(counted, denominators));
        return new Aggregate(indicator, period, region, counted.isEmpty() ? null : value, numerator, denominator,
                counted, missing(inForce, counted), statuses);
    }

    /** (base of this period / base of the period before - 1) x 100, over the units counted in both. */
    private Aggregate growth(IndicatorDefinition indicator, Period period, String region, Reading reading) {
        IndicatorDefinition base = indicators.definition(indicator.baseCode);
        Aggregate now = base.aggregation == Aggregation.RATIO ? ratio(base, period, region, reading)
                : additive(base, period, region, reading);
        Aggregate before = base.aggregation == Aggregation.RATIO ? ratio(base, period.previous(), region, reading)
                : additive(base, period.previous(), region, reading);
        // The same territory in both periods: the same units, or (nationally) every unit in force each time, since the
        // country is the same whatever its units: national growth across the 2025 mergers is still growth.
        boolean sameTerritory = now.counted().equals(before.counted())
                || (region == null && now.missing().isEmpty() && before.missing().isEmpty());
        BigDecimal value = null;
        if (now.value() != null && before.value() != null && before.value().signum() > 0 && sameTerritory) {
            value = growth(now.value(), before.value());
        }
        Set<ObservationStatus> statuses = new TreeSet<>(now.statuses());
        statuses.addAll(before.statuses());
        Set<String> missing = new TreeSet<>(now.missing());
        missing.addAll(before.missing());
        return new Aggregate(indicator, period, region, value, null, null, now.counted(), List.copyOf(missing), statuses);
    }

    /** The indicators an aggregate of this one reads: itself, or its parts, or its base's. */
    private void collectParts(IndicatorDefinition indicator, Set<String> codes) {
        codes.add(indicator.code);
        for (String part : new String[] {indicator.numeratorCode, indicator.denominatorCode, indicator.baseCode}) {
            if (part != null) {
                collectParts(indicators.definition(part), codes);
            }
        }
    }

    /**
     * What one answer reads, each list read once: the units in force per period and region, the values per indicator
     * and period. A series preloads them all in two queries instead of three per period.
     */
    private final class Reading {
        private final Instant instant;
        private final Map<String, List<String>> inForce = new HashMap<>();
        private final Map<String, Map<String, Observation>> values = new HashMap<>();
        private List<ReplicaUnit> versions;

        Reading(Instant instant) {
            this.instant = instant;
        }

        void preload(Collection<String> indicatorCodes, Collection<Period> periods) {
            versions = units.allVersions();
            for (String code : indicatorCodes) {
                for (Period period : periods) {
                    values.put(code + "|" + period, new TreeMap<>());
                }
            }
            for (Observation value : observations.crossSectionsAsOf(indicatorCodes,
                    periods.stream().map(Period::toString).toList(), instant)) {
                values.get(value.id.indicatorCode() + "|" + value.id.period()).putIfAbsent(value.id.unitCode(), value);
            }
        }

        /** The codes of the units in force on the period's last day (of the region), each once. */
        List<String> unitsInForce(Period period, String region) {
            return inForce.computeIfAbsent(period.lastDay() + "|" + region, key -> {
                LocalDate day = period.lastDay();
                List<ReplicaUnit> onDay = versions == null ? units.unitsOn(day) : versions.stream()
                        .filter(v -> !v.validFrom().isAfter(day) && (v.validTo() == null || !v.validTo().isBefore(day)))
                        .sorted(Comparator.comparing(ReplicaUnit::code)).toList();
                // A code counts once, whatever versions overlap.
                return onDay.stream().filter(unit -> region == null || region.equals(unit.region()))
                        .map(ReplicaUnit::code).distinct().toList();
            });
        }

        Map<String, Observation> valuesOf(String indicatorCode, Period period) {
            return values.computeIfAbsent(indicatorCode + "|" + period, key -> observations
                    .crossSectionAsOf(indicatorCode, period, instant).stream()
                    .collect(Collectors.toMap(o -> o.id.unitCode(), Function.identity(), (a, b) -> a, TreeMap::new)));
        }
    }

    private static List<String> missing(List<String> inForce, List<String> counted) {
        return inForce.stream().filter(code -> !counted.contains(code)).toList();
    }

    private static Set<ObservationStatus> statuses(List<String> counted, Map<String, Observation> values) {
        return counted.stream().map(code -> values.get(code).status).collect(Collectors.toCollection(TreeSet::new));
    }
}
