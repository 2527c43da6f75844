package vn.nangsuat.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How recorded values combine, the one place that says so for every service.
 * <ul>
 *   <li><b>Across units</b>, in one period: an additive value is the sum of the units'; a ratio is the sum of its
 *       numerator over the sum of its denominator, over the units that have both (never a sum or mean of ratios); a
 *       growth compares its base's combined values of this period and the one before; a reported-only value is never
 *       combined.
 *   <li><b>Across territory</b>: a period belongs to the units in force on its last day; a unit's value for a period
 *       before it took its form combines the values of the units it was made of ({@link Territory}); a growth compares
 *       the same territory in both periods, so a merged unit's growth comes from its combined base, and an aggregate's
 *       from the same units' combined bases in both periods. Nothing is computed from another territory: what cannot
 *       be made comparable is left out, with the reason.
 *   <li><b>Coverage</b>: an aggregate says how many of the units in force it counts, the share of the denominator
 *       they hold where there is one, and whether it is complete.
 * </ul>
 * Over time, see {@link OverTime}.
 */
public final class Combination {

    /** Ratios and growth rates are computed to this many decimals. */
    public static final int SCALE = 6;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A stored value: its number, how firm it is, its revision. */
    public record Recorded(BigDecimal value, ObservationStatus status, int revision) {
    }

    /** The values recorded, by unit code, indicator code and period; null where none is. */
    @FunctionalInterface
    public interface Values {
        Recorded of(String unit, String indicator, Period period);
    }

    /**
     * A territory's value in a period, or why there is none. {@code derived} when computed rather than recorded;
     * {@code units} the codes whose values it rests on; {@code values} how many recorded values; {@code revision} the
     * latest revision among them.
     */
    public record Result(BigDecimal value, boolean derived, Set<String> units, Set<ObservationStatus> statuses,
            int values, int revision, String reason) {

        static Result none(String reason) {
            return new Result(null, false, Set.of(), Set.of(), 0, 0, reason);
        }

        public boolean known() {
            return value != null;
        }
    }

    /**
     * How much of the territory an aggregate covers: units counted of the units in force, the share of the denominator
     * (a ratio's, or a growth's ratio base's, in the period) the counted units hold among the units in force that have
     * one (null without a denominator), and complete when every unit in force counts.
     */
    public record Coverage(int unitsCounted, int unitsInForce, BigDecimal denominatorShare, boolean complete) {
    }

    /**
     * The value of several units together (the country, a region) in a period. For a ratio, its summed parts.
     * {@code value} is null when no unit could be counted; {@code missing} are the units in force left out.
     */
    public record Aggregate(BigDecimal value, BigDecimal numerator, BigDecimal denominator, List<String> counted,
            List<String> missing, Set<ObservationStatus> statuses, Coverage coverage, String reason) {
    }

    private final Function<String, IndicatorRule> definitions;
    private final Values values;

    /**
     * @param definitions the rule of an indicator by its code (a ratio's parts and a growth's base are looked up here)
     * @param values what was recorded
     */
    public Combination(Function<String, IndicatorRule> definitions, Values values) {
        this.definitions = definitions;
        this.values = values;
    }

    /** (now / before - 1) x 100, to {@link #SCALE} decimals: the growth of a value, in percent. */
    public static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return now.divide(before, SCALE + 4, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE).multiply(HUNDRED)
                .setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * A level chained from a start through yearly growths in percent: each value the one before times (1 + growth /
     * 100). Each link compares one territory with itself, so the chain stays comparable when the units change.
     */
    public static List<BigDecimal> chain(BigDecimal start, List<BigDecimal> growths) {
        List<BigDecimal> levels = new ArrayList<>(List.of(start));
        for (BigDecimal growth : growths) {
            BigDecimal factor = BigDecimal.ONE.add(growth.divide(HUNDRED, SCALE + 4, RoundingMode.HALF_EVEN));
            levels.add(levels.get(levels.size() - 1).multiply(factor).setScale(SCALE + 4, RoundingMode.HALF_EVEN));
        }
        return levels;
    }

    /**
     * The territory's value in the period: recorded, when the territory is one unit then and it has one; otherwise
     * combined from the units that make it up, as the indicator's aggregation says.
     */
    public Result of(IndicatorRule indicator, Territory territory, Period period) {
        Territory.Parts parts = territory.in(period);
        if (!parts.known()) {
            return Result.none(parts.reason());
        }
        Set<String> codes = parts.codes();
        if (codes.size() == 1) {
            Recorded recorded = values.of(codes.iterator().next(), indicator.code(), period);
            if (recorded != null) {
                return new Result(recorded.value(), false, codes, Set.of(recorded.status()), 1, recorded.revision(), null);
            }
        }
        return switch (indicator.aggregation()) {
            case ADDITIVE -> sum(indicator, codes, period);
            case RATIO -> ratio(indicator, codes, period);
            case GROWTH -> growthOf(indicator, territory, period);
            case REPORTED -> Result.none(codes.size() == 1 ? "no value of " + indicator.code() + " for "
                    + String.join("", codes) + " in " + period : indicator.code() + " is reported only: the values of "
                    + String.join(", ", codes) + " are never combined");
        };
    }

    /** The sum over the units, or none when one of them has no value. */
    private Result sum(IndicatorRule indicator, Set<String> codes, Period period) {
        BigDecimal sum = BigDecimal.ZERO;
        Set<ObservationStatus> statuses = new TreeSet<>();
        int revision = 0;
        for (String code : codes) {
            Recorded part = values.of(code, indicator.code(), period);
            if (part == null) {
                return Result.none("no value of " + indicator.code() + " for " + code + " in " + period);
            }
            sum = sum.add(part.value());
            statuses.add(part.status());
            revision = Math.max(revision, part.revision());
        }
        return new Result(sum, codes.size() > 1, codes, statuses, codes.size(), revision, null);
    }

    /** The sum of the numerator over the sum of the denominator, of the same units. */
    private Result ratio(IndicatorRule indicator, Set<String> codes, Period period) {
        IndicatorRule numerator = definitions.apply(indicator.numerator());
        IndicatorRule denominator = definitions.apply(indicator.denominator());
        Result top = sum(numerator, codes, period);
        Result bottom = sum(denominator, codes, period);
        for (Result part : List.of(top, bottom)) {
            if (!part.known()) {
                boolean recordedAlone = codes.stream().anyMatch(code -> values.of(code, indicator.code(), period) != null);
                return Result.none((recordedAlone ? indicator.code() + " reported without its parts cannot be combined: "
                        : "") + part.reason());
            }
        }
        if (bottom.value().signum() <= 0) {
            return Result.none(denominator.code() + " is zero for " + String.join(", ", codes) + " in " + period);
        }
        return new Result(top.value().divide(bottom.value(), SCALE, RoundingMode.HALF_EVEN), true, codes,
                union(top.statuses(), bottom.statuses()), top.values() + bottom.values(),
                Math.max(top.revision(), bottom.revision()), null);
    }

    /** The base of this period over the base of the period before, of the same territory. */
    private Result growthOf(IndicatorRule indicator, Territory territory, Period period) {
        IndicatorRule base = definitions.apply(indicator.base());
        Result now = of(base, territory, period);
        Result before = of(base, territory, period.previous());
        if (!now.known() || !before.known()) {
            return Result.none("no " + base.code() + " to grow from: " + (now.known() ? before.reason() : now.reason()));
        }
        if (before.value().signum() <= 0) {
            return Result.none(base.code() + " is zero in " + period.previous() + ": growth from zero is undefined");
        }
        Set<String> codes = new TreeSet<>(now.units());
        codes.addAll(before.units());
        return new Result(growth(now.value(), before.value()), true, codes, union(now.statuses(), before.statuses()),
                now.values() + before.values(), Math.max(now.revision(), before.revision()), null);
    }

    /** The units in force in the period (each its own territory over time), together. */
    public Aggregate aggregate(IndicatorRule indicator, List<? extends Territory> inForce, Period period) {
        return switch (indicator.aggregation()) {
            case ADDITIVE -> additive(indicator, inForce, period);
            case RATIO -> ratioOfSums(indicator, inForce, period);
            case GROWTH -> growthOfSums(indicator, inForce, period);
            case REPORTED -> new Aggregate(null, null, null, List.of(), codes(inForce), Set.of(),
                    new Coverage(0, inForce.size(), null, inForce.isEmpty()),
                    indicator.code() + " is taken as reported: it is never summed, averaged or derived");
        };
    }

    private Aggregate additive(IndicatorRule indicator, List<? extends Territory> inForce, Period period) {
        Sums sums = new Sums(inForce);
        for (Territory unit : inForce) {
            Result value = of(indicator, unit, period);
            if (value.known()) {
                sums.count(unit, value.value(), null, value.statuses());
            }
        }
        BigDecimal value = sums.counted.isEmpty() ? null : sums.top;
        return sums.aggregate(value, null, null, null, value == null ? "no unit in force has a value of "
                + indicator.code() + " for " + period : null);
    }

    private Aggregate ratioOfSums(IndicatorRule indicator, List<? extends Territory> inForce, Period period) {
        IndicatorRule numerator = definitions.apply(indicator.numerator());
        IndicatorRule denominator = definitions.apply(indicator.denominator());
        Sums sums = new Sums(inForce);
        BigDecimal allDenominators = BigDecimal.ZERO;
        for (Territory unit : inForce) {
            Result top = of(numerator, unit, period);
            Result bottom = of(denominator, unit, period);
            if (bottom.known()) {
                allDenominators = allDenominators.add(bottom.value());
            }
            // Both parts of the same units, or the ratio would divide sums of different territories.
            if (top.known() && bottom.known()) {
                sums.count(unit, top.value(), bottom.value(), union(top.statuses(), bottom.statuses()));
            }
        }
        BigDecimal value = sums.bottom.signum() > 0 ? sums.top.divide(sums.bottom, SCALE, RoundingMode.HALF_EVEN) : null;
        return sums.aggregate(value, sums.counted.isEmpty() ? null : sums.top,
                sums.counted.isEmpty() ? null : sums.bottom, share(sums.bottom, allDenominators),
                value == null ? "no unit in force has both " + numerator.code() + " and " + denominator.code()
                        + " (above zero) for " + period : null);
    }

    private Aggregate growthOfSums(IndicatorRule indicator, List<? extends Territory> inForce, Period period) {
        return change(definitions.apply(indicator.base()), inForce, period.previous(), period);
    }

    /**
     * The growth in percent of a base from one period to a later one over the units in force in the later one that
     * have the base in both, each unit's territory the same in both (a merged unit's base before the merger combines
     * the units it was made of): of a ratio base, the ratio of the summed parts then over the ratio of the same units'
     * summed parts before. A growth indicator's is from the period before; a chain of growths may link years further
     * apart when the years between have no values.
     */
    public Aggregate change(IndicatorRule base, List<? extends Territory> inForce, Period from, Period to) {
        boolean ofRatio = base.aggregation() == Aggregation.RATIO;
        if (!ofRatio && base.aggregation() != Aggregation.ADDITIVE) {
            return new Aggregate(null, null, null, List.of(), codes(inForce), Set.of(),
                    new Coverage(0, inForce.size(), null, inForce.isEmpty()), "the growth of " + base.code()
                            + " is combined only from an additive or a ratio base");
        }
        IndicatorRule top = ofRatio ? definitions.apply(base.numerator()) : base;
        IndicatorRule bottom = ofRatio ? definitions.apply(base.denominator()) : null;
        Sums now = new Sums(inForce);
        Sums before = new Sums(inForce);
        BigDecimal allDenominators = BigDecimal.ZERO;
        for (Territory unit : inForce) {
            Result topNow = of(top, unit, to);
            Result topBefore = of(top, unit, from);
            Result bottomNow = ofRatio ? of(bottom, unit, to) : null;
            Result bottomBefore = ofRatio ? of(bottom, unit, from) : null;
            if (ofRatio && bottomNow.known()) {
                allDenominators = allDenominators.add(bottomNow.value());
            }
            boolean comparable = topNow.known() && topBefore.known()
                    && (!ofRatio || bottomNow.known() && bottomBefore.known());
            if (comparable) {
                now.count(unit, topNow.value(), ofRatio ? bottomNow.value() : null,
                        ofRatio ? union(topNow.statuses(), bottomNow.statuses()) : topNow.statuses());
                before.count(unit, topBefore.value(), ofRatio ? bottomBefore.value() : null,
                        ofRatio ? union(topBefore.statuses(), bottomBefore.statuses()) : topBefore.statuses());
            }
        }
        // A ratio level to SCALE decimals, as a unit's own ratio is: one territory's growth is one number either way.
        BigDecimal levelNow = ofRatio ? (now.bottom.signum() > 0 ? now.top.divide(now.bottom, SCALE,
                RoundingMode.HALF_EVEN) : null) : now.top;
        BigDecimal levelBefore = ofRatio ? (before.bottom.signum() > 0 ? before.top.divide(before.bottom, SCALE,
                RoundingMode.HALF_EVEN) : null) : before.top;
        BigDecimal value = now.counted.isEmpty() || levelNow == null || levelBefore == null || levelBefore.signum() <= 0
                ? null : growth(levelNow, levelBefore);
        now.statuses.addAll(before.statuses);
        return now.aggregate(value, null, null, ofRatio ? share(now.bottom, allDenominators) : null, value == null
                ? "no unit in force has " + base.code() + " for both " + from + " and " + to
                        + " on the same territory" : null);
    }

    /** The units counted so far and their sums. */
    private static final class Sums {
        final List<? extends Territory> inForce;
        final List<String> counted = new ArrayList<>();
        final Set<ObservationStatus> statuses = new TreeSet<>();
        BigDecimal top = BigDecimal.ZERO;
        BigDecimal bottom = BigDecimal.ZERO;

        Sums(List<? extends Territory> inForce) {
            this.inForce = inForce;
        }

        void count(Territory unit, BigDecimal topValue, BigDecimal bottomValue, Set<ObservationStatus> valueStatuses) {
            counted.add(unit.code());
            top = top.add(topValue);
            bottom = bottomValue == null ? bottom : bottom.add(bottomValue);
            statuses.addAll(valueStatuses);
        }

        Aggregate aggregate(BigDecimal value, BigDecimal numerator, BigDecimal denominator, BigDecimal share,
                String reason) {
            List<String> missing = codes(inForce).stream().filter(code -> !counted.contains(code)).toList();
            return new Aggregate(value, numerator, denominator, List.copyOf(counted), missing, statuses,
                    new Coverage(counted.size(), inForce.size(), share, missing.isEmpty()), reason);
        }
    }

    private static BigDecimal share(BigDecimal counted, BigDecimal all) {
        return all.signum() > 0 ? counted.divide(all, 4, RoundingMode.HALF_EVEN) : null;
    }

    private static List<String> codes(List<? extends Territory> units) {
        return units.stream().map(Territory::code).toList();
    }

    private static Set<ObservationStatus> union(Set<ObservationStatus> a, Set<ObservationStatus> b) {
        Set<ObservationStatus> statuses = new TreeSet<>(a);
        statuses.addAll(b);
        return statuses;
    }
}
