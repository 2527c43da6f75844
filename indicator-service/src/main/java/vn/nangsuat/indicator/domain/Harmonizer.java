package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.ObservationStatus;
import vn.nangsuat.rules.Period;

/**
 * A unit's series expressed on the units in force on a date, so it stays comparable across the 2025 mergers: before
 * the unit took its form on that date, its value is combined from the units it was made of (province-replica's
 * {@link UnitComposition}) by statistics-rules' {@link Combination}, the rule of every figure here and in
 * plan-service. What cannot be combined honestly is left out with the reason. Only forward: a value after a unit
 * ceased is never split back onto it.
 */
@ApplicationScoped
@Transactional
public class Harmonizer {

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
    private final SettledInstant settled;

    public Harmonizer(IndicatorCatalog indicators, ObservationRepository observations, ProvinceReplica units,
            SettledInstant settled) {
        this.indicators = indicators;
        this.observations = observations;
        this.units = units;
        this.settled = settled;
    }

    public Series series(String unit, List<String> indicatorCodes, Optional<Period> from, Optional<Period> to,
            LocalDate date, Instant asOf) {
        List<IndicatorDefinition> wanted = indicatorCodes.stream().distinct().map(indicators::definition).toList();
        ReplicaUnit target = units.unitOn(unit, date).orElseThrow(() -> ProblemException.invalid("unit", new Text(
                unit + " was not in force on " + date + ": harmonize to a date when it was",
                unit + " không có hiệu lực vào ngày " + date + ": hãy quy đổi về một ngày mà nó đang có hiệu lực")));
        if (target.validTo() != null && (to.isEmpty() || to.get().lastDay().isAfter(target.validTo()))) {
            String successors = String.join(", ", units.successorsOf(target));
            String name = target.name();
            LocalDate ceased = target.validTo();
            throw ProblemException.invalid("harmonize", new Text(unit + " as on " + date + " (" + name + ") ceased on "
                    + ceased + (successors.isEmpty() ? "" : " and became part of " + successors)
                    + ": a later value belongs to " + (successors.isEmpty() ? "other units" : successors)
                    + " and cannot be split back onto it. Harmonize forward: to a date on or after the last period"
                    + " (or give `to` on or before " + ceased + ")",
                    unit + " tính theo ngày " + date + " (" + name + ") đã chấm dứt vào ngày " + ceased
                    + (successors.isEmpty() ? "" : " và đã nhập vào " + successors)
                    + ": một giá trị về sau thuộc về " + (successors.isEmpty() ? "các đơn vị khác" : successors)
                    + " và không thể tách ngược lại cho nó. Hãy quy đổi về phía sau: về một ngày bằng hoặc sau kỳ cuối"
                    + " cùng (hoặc gửi `to` vào hoặc trước ngày " + ceased + ")"));
        }
        UnitComposition territory = new UnitComposition(units, target);
        Set<String> needed = new TreeSet<>();
        wanted.forEach(indicator -> needed.addAll(indicators.withParts(indicator)));
        Map<String, Observation> values = new HashMap<>();
        for (Observation observation : observations.valuesAsOf(territory.codes(), needed, settled.readAt(asOf))) {
            values.put(key(observation.id.unitCode(), observation.id.indicatorCode(), observation.period().toString()),
                    observation);
        }
        Combination rules = new Combination(code -> indicators.definition(code).rule(), (code, indicator, period) -> {
            Observation value = values.get(key(code, indicator, period.toString()));
            return value == null ? null : new Combination.Recorded(value.value, value.status, value.id.revision());
        });
        List<Value> series = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (IndicatorDefinition indicator : wanted) {
            for (Period period : periods(indicator, values.values(), from, to)) {
                Combination.Result result = rules.of(indicator.rule(), territory, period);
                if (result.known()) {
                    series.add(new Value(indicator.code, period, result.value(), result.derived(),
                            List.copyOf(result.units()), result.statuses(), result.values()));
                } else {
                    leftOut.add(new LeftOut(indicator.code, period, result.reason()));
                }
            }
        }
        return new Series(target, date, series, leftOut);
    }

    private static String key(String unit, String indicator, String period) {
        return unit + "|" + indicator + "|" + period;
    }

    /** The periods of the range for which the indicator or what it is computed from has a value. */
    private Set<Period> periods(IndicatorDefinition indicator, Iterable<Observation> values, Optional<Period> from,
            Optional<Period> to) {
        Set<String> codes = indicators.withParts(indicator);
        Set<Period> periods = new TreeSet<>();
        for (Observation observation : values) {
            Period period = observation.period();
            if (codes.contains(observation.id.indicatorCode()) && period.periodicity() == indicator.periodicity
                    && (from.isEmpty() || !period.firstDay().isBefore(from.get().firstDay()))
                    && (to.isEmpty() || !period.lastDay().isAfter(to.get().lastDay()))) {
                periods.add(period);
            }
        }
        return periods;
    }
}
