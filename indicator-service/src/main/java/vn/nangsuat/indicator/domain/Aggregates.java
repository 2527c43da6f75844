package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.Period;
import vn.nangsuat.rules.Territory;

/**
 * The value of an indicator for the whole country (or a region) in a period, and every unit's value beside it (a
 * cross-section): read here, combined by statistics-rules' {@link Combination} from the units in force on the
 * period's last day, so every figure of this service and plan-service follows one rule.
 */
@ApplicationScoped
@Transactional
public class Aggregates {

    /**
     * An aggregate of the country (region null) or a region, and what it rests on; for the country, beside it the
     * figure recorded for VN as published (or derived from VN's own published parts), null when there is none.
     */
    public record Aggregate(IndicatorDefinition indicator, Period period, String region, Combination.Aggregate figure,
            Combination.Result published) {
    }

    /** The most periods one series of aggregates covers (twenty years of months). */
    public static final int MAX_SERIES_PERIODS = 240;

    private final IndicatorCatalog indicators;
    private final ObservationRepository observations;
    private final ProvinceReplica units;
    private final SettledInstant settled;

    public Aggregates(IndicatorCatalog indicators, ObservationRepository observations, ProvinceReplica units,
            SettledInstant settled) {
        this.indicators = indicators;
        this.observations = observations;
        this.units = units;
        this.settled = settled;
    }

    public Aggregate of(String indicatorCode, String periodText, String region, Instant asOf) {
        IndicatorDefinition indicator = combinable(indicators.definition(indicatorCode));
        Period period = indicator.period(periodText);
        return of(indicator, period, region, new Reading(asOf));
    }

    private Aggregate of(IndicatorDefinition indicator, Period period, String region, Reading reading) {
        Combination.Result published = region != null ? null
                : reading.rules.of(indicator.rule(), Territory.itself(Territory.NATION), period);
        return new Aggregate(indicator, period, region,
                reading.rules.aggregate(indicator.rule(), reading.territoriesOn(period, region), period),
                published != null && published.known() ? published : null);
    }

    private static IndicatorDefinition combinable(IndicatorDefinition indicator) {
        if (indicator.aggregation == Aggregation.REPORTED) {
            throw ProblemException.invalid("indicator", new Text(indicator.code
                    + " is taken as reported: it is never summed, averaged or derived", indicator.code
                    + " được lấy nguyên theo số báo cáo: không bao giờ được cộng, lấy bình quân hay suy ra"));
        }
        return indicator;
    }

    /**
     * The aggregate of each period of the indicator's form from one period to another: comparable across the 2025
     * mergers, since each period counts the units in force on its last day, and a growth the same territory in both.
     */
    public List<Aggregate> series(String indicatorCode, String fromText, String toText, String region, Instant asOf) {
        IndicatorDefinition indicator = combinable(indicators.definition(indicatorCode));
        Period from = indicator.period(fromText, "from");
        Period to = indicator.period(toText, "to");
        if (to.compareTo(from) < 0) {
            throw ProblemException.invalid("to", new Text("must not be before from (" + from + ")",
                    "không được trước from (" + from + ")"));
        }
        List<Period> periods = new ArrayList<>(List.of(from));
        while (!periods.get(periods.size() - 1).equals(to)) {
            if (periods.size() == MAX_SERIES_PERIODS) {
                throw ProblemException.invalid("to", new Text(
                        "a series covers at most " + MAX_SERIES_PERIODS + " periods",
                        "một chuỗi chỉ gồm tối đa " + MAX_SERIES_PERIODS + " kỳ"));
            }
            periods.add(periods.get(periods.size() - 1).next());
        }
        // Read once for the whole range: the values of the indicator's parts in every period and the one before.
        Reading reading = new Reading(asOf);
        List<Period> read = new ArrayList<>(periods);
        read.add(0, from.previous());
        reading.preload(indicators.withParts(indicator), read);
        return periods.stream().map(period -> of(indicator, period, region, reading)).toList();
    }

    /** One unit's value in a cross-section: recorded, or derived from its components where not recorded. */
    public record UnitValue(ReplicaUnit unit, Combination.Result value) {
    }

    /** Every unit in force on the period's last day, ranked best first, and beside them the national aggregate. */
    public record CrossSection(IndicatorDefinition indicator, Period period, List<UnitValue> ranked,
            List<String> without, Combination.Aggregate national, Combination.Result published) {
    }

    public CrossSection crossSection(String indicatorCode, String periodText, Instant asOf) {
        IndicatorDefinition indicator = indicators.definition(indicatorCode);
        Period period = indicator.period(periodText);
        Reading reading = new Reading(asOf);
        List<UnitValue> values = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (UnitComposition unit : reading.territoriesOn(period, null)) {
            // A unit's own value: a growth from its base on the same territory in both periods (a merged unit's base
            // before the merger combines its predecessors'), the figure its harmonised series gives.
            Combination.Result value = reading.rules.of(indicator.rule(), unit, period);
            if (value.known()) {
                values.add(new UnitValue(unit.target(), value));
            } else {
                without.add(unit.code());
            }
        }
        Comparator<UnitValue> byValue = Comparator.comparing(unitValue -> unitValue.value().value());
        values.sort(indicator.better == Direction.LOWER ? byValue : byValue.reversed());
        Aggregate national = of(indicator, period, null, reading);
        return new CrossSection(indicator, period, values, without,
                indicator.aggregation == Aggregation.REPORTED ? null : national.figure(), national.published());
    }

    /**
     * What one answer reads, each list read once: the units in force per period and region, the values per indicator
     * and period. A series preloads the values in one query instead of one per indicator and period.
     */
    private final class Reading {
        private final Instant instant;
        private final Map<String, List<UnitComposition>> inForce = new HashMap<>();
        private final Map<String, Map<String, Observation>> values = new HashMap<>();
        final Combination rules;

        Reading(Instant asOf) {
            this.instant = settled.readAt(asOf);
            this.rules = new Combination(code -> indicators.definition(code).rule(), (unit, indicator, period) -> {
                Observation value = valuesOf(indicator, period).get(unit);
                return value == null ? null : new Combination.Recorded(value.value, value.status, value.id.revision());
            });
        }

        void preload(Collection<String> indicatorCodes, Collection<Period> periods) {
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

        List<UnitComposition> territoriesOn(Period period, String region) {
            return inForce.computeIfAbsent(period.lastDay() + "|" + region,
                    key -> units.territoriesOn(period.lastDay(), region));
        }

        Map<String, Observation> valuesOf(String indicatorCode, Period period) {
            return values.computeIfAbsent(indicatorCode + "|" + period, key -> observations
                    .crossSectionAsOf(indicatorCode, period, instant).stream()
                    .collect(Collectors.toMap(o -> o.id.unitCode(), Function.identity(), (a, b) -> a, TreeMap::new)));
        }
    }
}
