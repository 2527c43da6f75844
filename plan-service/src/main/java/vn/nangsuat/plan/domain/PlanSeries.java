package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.IndicatorRule;
import vn.nangsuat.rules.ObservationStatus;
import vn.nangsuat.rules.Period;

/**
 * The yearly series a plan's target is assessed on, comparable across the 2025 mergers: the values of the unit the
 * plan belongs to while it stood, and before it took its form the values of the units it was made of
 * ({@link UnitComposition}), combined by statistics-rules' {@link Combination}, as indicator-service's harmonised
 * series are: the same figure for the same data. A year that cannot be combined honestly (a reported-only value, a
 * missing predecessor) is left out; so is any year after the unit ceased: Bắc Kạn's plan is assessed on Bắc Kạn's
 * values up to 30 June 2025.
 */
@ApplicationScoped
public class PlanSeries {

    /** A yearly value, with the units it rests on (one unless combined), its least firm status and latest revision. */
    public record YearValue(int year, BigDecimal value, String status, int revision, List<String> units) {
    }

    private final ProvinceReplica units;
    private final IndicatorReplica values;

    public PlanSeries(ProvinceReplica units, IndicatorReplica values) {
        this.units = units;
        this.values = values;
    }

    public List<YearValue> of(Plan plan, String indicatorCode) {
        ReplicaUnit version = units.unitOn(plan.unitCode, plan.unitValidFrom).orElse(null);
        Map<String, IndicatorRule> rules = values.rulesWithParts(indicatorCode);
        if (version == null || rules.isEmpty()) {
            return List.of();
        }
        UnitComposition territory = new UnitComposition(units, version);
        IndicatorReplica.Yearly known = values.yearly(territory.codes(), rules.keySet());
        Combination combination = new Combination(rules::get, known);
        List<YearValue> series = new ArrayList<>();
        for (int year : known.years()) {
            Combination.Result value = combination.of(rules.get(indicatorCode), territory, Period.year(year));
            if (value.known()) {
                series.add(new YearValue(year, value.value(), ObservationStatus.leastFirm(value.statuses()).name(),
                        value.revision(), List.copyOf(value.units())));
            }
        }
        return series;
    }
}
