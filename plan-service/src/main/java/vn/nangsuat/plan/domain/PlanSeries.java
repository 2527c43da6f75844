package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;

/**
 * The yearly series a plan's target is assessed on, comparable across the 2025 mergers: the values of the unit the
 * plan belongs to while it stood, and before it took its form the values of the units it was made of
 * ({@link UnitComposition}, the rule indicator-service's harmonised series follows too), combined as indicator-service
 * combines them: additive values summed, a ratio from its summed parts, never a sum or mean of ratios. A year that
 * cannot be combined honestly (a reported-only value, a missing predecessor) is left out; so is any year after the
 * unit ceased: Bắc Kạn's plan is assessed on Bắc Kạn's values up to 30 June 2025.
 */
@ApplicationScoped
public class PlanSeries {

    /** A yearly value, with the units it rests on (one unless combined), its least firm status and latest revision. */
    public record YearValue(int year, BigDecimal value, String status, int revision, List<String> units) {
    }

    /** Statuses from the least firm to the firmest: a combined value is as firm as its least firm part. */
    private static final List<String> FIRMNESS = List.of("ESTIMATE", "PRELIMINARY", "OFFICIAL");
    private static final int SCALE = 6;

    private final ProvinceReplica units;
    private final IndicatorReplica values;

    public PlanSeries(ProvinceReplica units, IndicatorReplica values) {
        this.units = units;
        this.values = values;
    }

    public List<YearValue> of(Plan plan, String indicatorCode) {
        ReplicaUnit version = units.unitOn(plan.unitCode, plan.unitValidFrom).orElse(null);
        IndicatorReplica.Indicator indicator = values.indicator(indicatorCode).orElse(null);
        if (version == null || indicator == null) {
            return List.of();
        }
        UnitComposition composition = new UnitComposition(units, version);
        Set<String> codes = new LinkedHashSet<>(List.of(indicator.code()));
        boolean ratio = "RATIO".equals(indicator.aggregation()) && indicator.numerator() != null
                && indicator.denominator() != null;
        if (ratio) {
            codes.add(indicator.numerator());
            codes.add(indicator.denominator());
        }
        Map<String, Map<String, List<IndicatorReplica.YearValue>>> known = values.yearly(composition.codes(), codes);
        Set<Integer> years = new TreeSet<>();
        known.values().forEach(series -> series.values().forEach(list -> list.forEach(value -> years.add(value.year()))));
        List<YearValue> series = new ArrayList<>();
        for (int year : years) {
            UnitComposition.Parts parts = composition.on(LocalDate.of(year, 12, 31), String.valueOf(year));
            if (!parts.known()) {
                continue;
            }
            YearValue value = parts.codes().size() == 1 ? reported(known, parts.codes().iterator().next(), indicator.code(), year)
                    : null;
            if (value == null && "ADDITIVE".equals(indicator.aggregation())) {
                value = sum(known, parts.codes(), indicator.code(), year);
            } else if (value == null && ratio) {
                value = ratio(known, parts.codes(), indicator, year);
            }
            if (value != null) {
                series.add(value);
            }
        }
        return series;
    }

    private static YearValue reported(Map<String, Map<String, List<IndicatorReplica.YearValue>>> known, String unit,
            String indicator, int year) {
        return known.getOrDefault(unit, Map.of()).getOrDefault(indicator, List.of()).stream()
                .filter(value -> value.year() == year).findFirst()
                .map(value -> new YearValue(year, value.value(), value.status(), value.revision(), List.of(unit)))
                .orElse(null);
    }

    /** The sum over the units, or null when one of them has no value that year. */
    private static YearValue sum(Map<String, Map<String, List<IndicatorReplica.YearValue>>> known, Set<String> units,
            String indicator, int year) {
        BigDecimal total = BigDecimal.ZERO;
        Set<String> statuses = new HashSet<>();
        int revision = 0;
        for (String unit : units) {
            YearValue part = reported(known, unit, indicator, year);
            if (part == null) {
                return null;
            }
            total = total.add(part.value());
            statuses.add(part.status());
            revision = Math.max(revision, part.revision());
        }
        return new YearValue(year, total, leastFirm(statuses), revision, List.copyOf(units));
    }

    /** The ratio of the summed parts, or null when a part is missing or the denominator is not above 0. */
    private static YearValue ratio(Map<String, Map<String, List<IndicatorReplica.YearValue>>> known, Set<String> units,
            IndicatorReplica.Indicator indicator, int year) {
        YearValue top = sum(known, units, indicator.numerator(), year);
        YearValue bottom = sum(known, units, indicator.denominator(), year);
        if (top == null || bottom == null || bottom.value().signum() <= 0) {
            return null;
        }
        return new YearValue(year, top.value().divide(bottom.value(), SCALE, RoundingMode.HALF_EVEN),
                leastFirm(new HashSet<>(java.util.Arrays.asList(top.status(), bottom.status()))), Math.max(top.revision(), bottom.revision()),
                List.copyOf(units));
    }

    private static String leastFirm(Set<String> statuses) {
        return statuses.stream().min(Comparator.comparingInt(status -> {
            int firmness = FIRMNESS.indexOf(status);
            return firmness < 0 ? Integer.MAX_VALUE : firmness;
        })).orElse(null);
    }
}
