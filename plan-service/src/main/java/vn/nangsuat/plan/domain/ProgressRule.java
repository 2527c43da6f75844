package vn.nangsuat.plan.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import vn.nangsuat.rules.OverTime;

/**
 * Whether an indicator is on track to meet a plan's target, by the progress methodology of the UNSD SDG Progress
 * Chart as implemented by Open SDG: the pace observed since the baseline is compared with the pace the target needs,
 * assuming the present trend continues. This Javadoc is the documented rule.
 *
 * <p>Notation: {@code t0} the baseline year, {@code x0} the baseline value, {@code T} the target year, {@code xT} the
 * level to reach, {@code t} the latest year with a value in {@code (t0, T]} and {@code xt} that value. Values of years
 * before {@code t0} or after {@code T} are ignored; when a year appears twice, the later entry of the list wins.
 * Without a value in {@code (t0, T]} the status is {@link ProgressStatus#NO_DATA}.
 *
 * <p><b>LEVEL and GROWTH, method COMPOUND</b> (when {@code x0}, {@code xt} and {@code xT} are all above 0), the
 * Open SDG / Eurostat compound annual growth rates:
 * <ul>
 *   <li>actual rate {@code CRa = (xt/x0)^(1/(t-t0)) - 1};
 *   <li>needed rate {@code CRn = (xT/x0)^(1/(T-t0)) - 1}; for GROWTH {@code CRn = g/100} and
 *       {@code xT = x0(1+g/100)^(T-t0)};
 *   <li>{@code ratio = CRa/CRn}, {@code projected = x0(1+CRa)^(T-t0)};
 *   <li>{@code neededPerYear = (xT/xt)^(1/(T-t)) - 1} in percent, none once {@code t = T};
 *   <li>{@code achievement = (xt-x0)/(xT-x0)}, 1 meaning reached, none when {@code xT = x0}.
 * </ul>
 * For LOWER the same formulas hold: both rates are negative and the ratio is positive when moving the right way.
 *
 * <p><b>LEVEL and GROWTH, method LINEAR</b>: growth from zero (or to or through zero or below) is undefined, so when
 * any of {@code x0}, {@code xt}, {@code xT} is 0 or below, such as a count that starts from 0, the rates are absolute
 * changes per year in the indicator's unit: {@code ratio = ((xt-x0)/(t-t0)) / ((xT-x0)/(T-t0))},
 * {@code projected = x0 + (xt-x0)/(t-t0) * (T-t0)}, {@code neededPerYear = (xT-xt)/(T-t)}. A GROWTH target from a
 * baseline of 0 or below, or of a decline of 100 %/year or more, has no level to reach and is NO_DATA.
 *
 * <p>The baseline value is the one in the terms or, when that is null, the value observed in the baseline year; with
 * neither, the status is NO_DATA.
 *
 * <p><b>CUMULATIVE</b>: {@code t0} is the plan's first year and counts, so values are taken from {@code [t0, T]} and a
 * value of {@code t0} alone is enough. Years without a value before the latest year count as 0: a year is only
 * missing from a running total once the total has moved past it. With {@code current} the sum up to {@code t} and
 * {@code total} the target: {@code projected = current/(t-t0+1) * (T-t0+1)}, {@code ratio = projected/total},
 * {@code achievement = current/total}, {@code neededPerYear = (total-current)/(T-t)}. For a LOWER total (a budget
 * not to exceed) the ratio is {@code total/projected} and a total already exceeded is OFF_TRACK.
 *
 * <p><b>Status</b>, in this order:
 * <ol>
 *   <li>a target already met (the latest value, or the running total, at or beyond it in the better direction):
 *       ON_TRACK;
 *   <li>a target, not met, that asks for no change from the baseline or for a change the wrong way: OFF_TRACK
 *       (ratio and achievement are then null, as no pace towards such a target means anything);
 *   <li>by the ratio, rounded to 4 decimals: at least 0.95 ON_TRACK, at least 0.10 NEEDS_ACCELERATION, below 0.10
 *       OFF_TRACK (stagnation, or a negative ratio: moving away from the target). Open SDG's own page uses more bands
 *       (0.95, 0.60, 0); three statuses are what a plan's dashboard needs.
 * </ol>
 *
 * <p><b>After the target year</b> (assessed in a year after {@code T}): the pace no longer matters, the target was
 * met or not. {@link ProgressStatus#ACHIEVED} when the value of {@code T} (or, without one, the latest value before it,
 * said in the reason; for CUMULATIVE the running total through {@code T}) is at or beyond the target in the better
 * direction, else {@link ProgressStatus#NOT_ACHIEVED}; NO_DATA as before. Never ON_TRACK once the year is over.
 *
 * <p><b>Level</b>, while the target year is ahead: the UNSD SDG Progress Chart's level from the same ratio
 * ({@link ProgressLevel}: substantial at 0.95 and above, moderate from 0.5, marginal from 0.1, stagnation from -0.1,
 * deterioration below), null when there is no ratio or the year is over.
 *
 * <p>Powers are taken in double; results are rounded HALF_UP to 4 decimals for ratio and achievement and to 6 for
 * projected, neededPerYear and an implied target level. No finite input makes the rule throw: every division is
 * guarded and a figure that cannot be computed is null.
 */
public final class ProgressRule {

    private static final BigDecimal ON_TRACK_RATIO = new BigDecimal("0.95");
    private static final BigDecimal SOME_PROGRESS_RATIO = new BigDecimal("0.10");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISE = MathContext.DECIMAL128;
    private static final int RATIO_SCALE = 4;
    private static final int LEVEL_SCALE = 6;

    /** One yearly observation of the indicator. */
    public record YearValue(int year, BigDecimal value) {
    }

    /**
     * What the plan asks. {@code baselineValue} may be null for LEVEL and GROWTH to take the value observed in the
     * baseline year; CUMULATIVE ignores it. For GROWTH {@code targetValue} is the average growth in percent a year.
     */
    public record Terms(TargetKind kind, Better better, int baselineYear, BigDecimal baselineValue, int targetYear,
            BigDecimal targetValue) {
    }

    /**
     * The verdict with the figures behind it, each null when it cannot be computed. {@code targetValue} is the level
     * to reach (for GROWTH the implied level, for CUMULATIVE the total); for CUMULATIVE {@code latestValue} is the
     * running total up to {@code latestYear}, so that it compares with {@code projected} and {@code targetValue}.
     * {@code neededPerYear} is in percent for COMPOUND and in the indicator's unit otherwise. {@code reason} is
     * always set.
     */
    public record Assessment(ProgressStatus status, Integer latestYear, BigDecimal latestValue,
            BigDecimal baselineValue, BigDecimal targetValue, BigDecimal achievement, BigDecimal projected,
            BigDecimal neededPerYear, BigDecimal ratio, String method, String reason, ProgressLevel level) {

        private Assessment judged(ProgressStatus finalStatus, String finalReason) {
            return new Assessment(finalStatus, latestYear, latestValue, baselineValue, targetValue, achievement, projected,
                    null, ratio, method, finalReason, null);
        }
    }

    private record Trend(BigDecimal ratio, BigDecimal projected, BigDecimal neededPerYear, String method,
            String sentence) {
    }

    private ProgressRule() {
    }

    /** As {@link #assess(Terms, List, int)} assessed in the target year: by the pace, never a final judgement. */
    public static Assessment assess(Terms terms, List<YearValue> values) {
        return assess(terms, values, terms == null ? 0 : terms.targetYear());
    }

    /**
     * The verdict on the terms, assessed in {@code assessedYear}: by the pace while the target year is ahead or current,
     * ACHIEVED or NOT_ACHIEVED once it is over.
     *
     * @throws IllegalArgumentException when the kind or direction is missing or the target year is not after the
     *         baseline year, since no rate can be read from such terms
     */
    public static Assessment assess(Terms terms, List<YearValue> values, int assessedYear) {
        Assessment byPace = byPace(terms, values);
        if (assessedYear <= terms.targetYear() || byPace.status() == ProgressStatus.NO_DATA
                || byPace.latestValue() == null || byPace.targetValue() == null) {
            return byPace;
        }
        // A running total is met as a level is: at or beyond it in the better direction (a LOWER total is a limit).
        boolean met = meets(terms.better(), byPace.latestValue(), byPace.targetValue());
        String which = terms.kind() == TargetKind.CUMULATIVE
                ? "the total through " + byPace.latestYear() + ", " + show(byPace.latestValue())
                : byPace.latestYear() == terms.targetYear()
                        ? "its value " + show(byPace.latestValue())
                        : "with no value for it, the latest before it (" + byPace.latestYear() + "), "
                                + show(byPace.latestValue());
        return byPace.judged(met ? ProgressStatus.ACHIEVED : ProgressStatus.NOT_ACHIEVED, "the target year "
                + terms.targetYear() + " is over: " + which + (met ? " met " : " fell short of ")
                + (terms.kind() == TargetKind.CUMULATIVE && terms.better() == Better.LOWER ? "the limit " : "the target ")
                + show(byPace.targetValue()));
    }

    private static Assessment byPace(Terms terms, List<YearValue> values) {
        if (terms == null || terms.kind() == null || terms.better() == null) {
            throw new IllegalArgumentException("terms need a kind and a direction");
        }
        if (terms.targetYear() <= terms.baselineYear()) {
            throw new IllegalArgumentException("the target year " + terms.targetYear()
                    + " must come after the baseline year " + terms.baselineYear());
        }
        NavigableMap<Integer, BigDecimal> window = window(terms, values);
        return terms.kind() == TargetKind.CUMULATIVE ? cumulative(terms, window) : levelOrGrowth(terms, window);
    }

    private static NavigableMap<Integer, BigDecimal> window(Terms terms, List<YearValue> values) {
        NavigableMap<Integer, BigDecimal> window = new TreeMap<>();
        if (values == null) {
            return window;
        }
        for (YearValue observation : values) {
            if (observation != null && observation.value() != null
                    && observation.year() >= terms.baselineYear() && observation.year() <= terms.targetYear()) {
                window.put(observation.year(), observation.value());
            }
        }
        return window;
    }

    private static Assessment levelOrGrowth(Terms terms, NavigableMap<Integer, BigDecimal> window) {
        int baselineYear = terms.baselineYear();
        int targetYear = terms.targetYear();
        BigDecimal levelToReach = terms.kind() == TargetKind.LEVEL ? terms.targetValue() : null;
        Map.Entry<Integer, BigDecimal> latestEntry = window.lastEntry();
        if (latestEntry == null || latestEntry.getKey() <= baselineYear) {
            return noData(null, null, terms.baselineValue(), levelToReach,
                    "no value after the baseline year " + baselineYear + " up to " + targetYear);
        }
        int latestYear = latestEntry.getKey();
        BigDecimal latest = latestEntry.getValue();
        BigDecimal baseline = terms.baselineValue() != null ? terms.baselineValue() : window.get(baselineYear);
        if (baseline == null) {
            return noData(latestYear, latest, null, levelToReach,
                    "no baseline value: none given and none observed for " + baselineYear);
        }
        if (terms.targetValue() == null) {
            return noData(latestYear, latest, baseline, null, "no target value");
        }
        int plannedYears = targetYear - baselineYear;
        BigDecimal target = terms.targetValue();
        if (terms.kind() == TargetKind.GROWTH) {
            if (baseline.signum() <= 0) {
                return noData(latestYear, latest, baseline, null,
                        "growth from a baseline of 0 (or below) is undefined");
            }
            double yearlyFactor = 1 + terms.targetValue().doubleValue() / 100;
            if (!(yearlyFactor > 0)) {
                return noData(latestYear, latest, baseline, null, "a decline of 100 %/year or more is undefined");
            }
            target = decimal(baseline.doubleValue() * Math.pow(yearlyFactor, plannedYears), LEVEL_SCALE);
            if (target == null) {
                return noData(latestYear, latest, baseline, null, "the implied target level is too large to compute");
            }
        }

        boolean compound = baseline.signum() > 0 && latest.signum() > 0 && target.signum() > 0;
        Trend trend = compound
                ? compoundTrend(terms, baseline, latestYear, latest, target)
                : linearTrend(terms, baseline, latestYear, latest, target);
        Better better = terms.better();
        boolean asksForImprovement = beyond(better, target, baseline);
        BigDecimal ratio = asksForImprovement ? trend.ratio() : null;
        BigDecimal achievement = asksForImprovement
                ? divide(latest.subtract(baseline), target.subtract(baseline), RATIO_SCALE)
                : null;

        ProgressStatus status;
        String reason;
        if (meets(better, latest, target)) {
            status = ProgressStatus.ON_TRACK;
            reason = "the target " + show(target) + " is already met: " + show(latest) + " in " + latestYear;
        } else if (!asksForImprovement) {
            status = ProgressStatus.OFF_TRACK;
            reason = (target.compareTo(baseline) == 0
                    ? "the target " + show(target) + " equals the baseline"
                    : "the target " + show(target) + " asks for no improvement on the baseline " + show(baseline))
                    + " and the latest value " + show(latest) + " (" + latestYear + ") falls short of it";
        } else if (ratio == null) {
            status = ProgressStatus.NO_DATA;
            reason = "the rate of progress cannot be computed from these figures";
        } else {
            status = byRatio(ratio);
            reason = trend.sentence() + (ratio.signum() < 0 ? ", moving away from the target" : "");
        }
        return new Assessment(status, latestYear, latest, baseline, target, achievement, trend.projected(),
                trend.neededPerYear(), ratio, trend.method(), reason, ProgressLevel.of(ratio));
    }

    private static Trend compoundTrend(Terms terms, BigDecimal baseline, int latestYear, BigDecimal latest,
            BigDecimal target) {
        int plannedYears = terms.targetYear() - terms.baselineYear();
        int elapsedYears = latestYear - terms.baselineYear();
        int remainingYears = terms.targetYear() - latestYear;
        double baselineLevel = baseline.doubleValue();
        double latestLevel = latest.doubleValue();
        double targetLevel = target.doubleValue();

        double actualRate = Math.pow(latestLevel / baselineLevel, 1.0 / elapsedYears) - 1;
        double neededRate = terms.kind() == TargetKind.GROWTH
                ? terms.targetValue().doubleValue() / 100
                : Math.pow(targetLevel / baselineLevel, 1.0 / plannedYears) - 1;
        BigDecimal ratio = neededRate == 0 ? null : decimal(actualRate / neededRate, RATIO_SCALE);
        BigDecimal projected = decimal(baselineLevel * Math.pow(latestLevel / baselineLevel,
                (double) plannedYears / elapsedYears), LEVEL_SCALE);
        BigDecimal neededPerYear = remainingYears <= 0 ? null
                : decimal((Math.pow(targetLevel / latestLevel, 1.0 / remainingYears) - 1) * 100, LEVEL_SCALE);
        String sentence = "observed growth " + percent(actualRate) + " %/year is " + share(ratio) + " of the "
                + percent(neededRate) + " %/year needed";
        return new Trend(ratio, projected, neededPerYear, "COMPOUND", sentence);
    }

    private static Trend linearTrend(Terms terms, BigDecimal baseline, int latestYear, BigDecimal latest,
            BigDecimal target) {
        int plannedYears = terms.targetYear() - terms.baselineYear();
        int elapsedYears = latestYear - terms.baselineYear();
        int remainingYears = terms.targetYear() - latestYear;

        BigDecimal actualPerYear = latest.subtract(baseline).divide(BigDecimal.valueOf(elapsedYears), PRECISE);
        BigDecimal neededFromBaseline = target.subtract(baseline).divide(BigDecimal.valueOf(plannedYears), PRECISE);
        BigDecimal ratio = divide(actualPerYear, neededFromBaseline, RATIO_SCALE);
        BigDecimal projected = baseline.add(actualPerYear.multiply(BigDecimal.valueOf(plannedYears)))
                .setScale(LEVEL_SCALE, RoundingMode.HALF_UP);
        BigDecimal neededPerYear = remainingYears <= 0 ? null
                : divide(target.subtract(latest), BigDecimal.valueOf(remainingYears), LEVEL_SCALE);
        String why = baseline.signum() <= 0
                ? "growth from zero or below is undefined"
                : "growth to or through zero or below is undefined";
        String sentence = why + ", so progress is linear: observed change " + show(actualPerYear) + " a year is "
                + share(ratio) + " of the " + show(neededFromBaseline) + " a year needed";
        return new Trend(ratio, projected, neededPerYear, "LINEAR", sentence);
    }

    private static Assessment cumulative(Terms terms, NavigableMap<Integer, BigDecimal> window) {
        int firstYear = terms.baselineYear();
        int targetYear = terms.targetYear();
        if (window.isEmpty()) {
            return noData(null, null, null, terms.targetValue(),
                    "no value from the first year " + firstYear + " up to " + targetYear);
        }
        int latestYear = window.lastKey();
        BigDecimal current = OverTime.FLOW.over(List.copyOf(window.values()));
        BigDecimal total = terms.targetValue();
        if (total == null) {
            return noData(latestYear, current, null, null, "no target total");
        }
        int elapsedYears = latestYear - firstYear + 1;
        int plannedYears = targetYear - firstYear + 1;
        int remainingYears = targetYear - latestYear;

        BigDecimal projectedExact = current.multiply(BigDecimal.valueOf(plannedYears))
                .divide(BigDecimal.valueOf(elapsedYears), PRECISE);
        BigDecimal projected = projectedExact.setScale(LEVEL_SCALE, RoundingMode.HALF_UP);
        BigDecimal achievement = divide(current, total, RATIO_SCALE);
        BigDecimal neededPerYear = remainingYears <= 0 ? null
                : divide(total.subtract(current), BigDecimal.valueOf(remainingYears), LEVEL_SCALE);
        boolean higher = terms.better() == Better.HIGHER;
        BigDecimal ratio = higher
                ? (total.signum() > 0 ? divide(projectedExact, total, RATIO_SCALE) : null)
                : (projectedExact.signum() > 0 ? divide(total, projectedExact, RATIO_SCALE) : null);

        String soFar = show(current) + " by " + latestYear + " (" + elapsedYears + " of " + plannedYears + " years)";
        ProgressStatus status;
        String reason;
        if (higher && current.compareTo(total) >= 0) {
            status = ProgressStatus.ON_TRACK;
            reason = "the total " + show(total) + " is already reached: " + soFar;
        } else if (!higher && current.compareTo(total) > 0) {
            status = ProgressStatus.OFF_TRACK;
            reason = "the limit " + show(total) + " is already exceeded: " + soFar;
        } else if (ratio == null) {
            status = higher ? ProgressStatus.OFF_TRACK : ProgressStatus.ON_TRACK;
            reason = higher
                    ? "the total " + show(total) + " is not above 0, yet " + soFar + " falls short of it"
                    : "nothing counts against the limit " + show(total) + " so far: " + soFar;
        } else {
            status = byRatio(ratio);
            reason = higher
                    ? soFar + " projects to " + show(projected) + " by " + targetYear + ", " + share(ratio)
                            + " of the total " + show(total)
                    : soFar + " projects to " + show(projected) + " by " + targetYear + " against the limit "
                            + show(total);
        }
        return new Assessment(status, latestYear, current, null, total, achievement, projected, neededPerYear, ratio,
                "CUMULATIVE", reason, ProgressLevel.of(ratio));
    }

    private static Assessment noData(Integer latestYear, BigDecimal latest, BigDecimal baseline, BigDecimal target,
            String reason) {
        return new Assessment(ProgressStatus.NO_DATA, latestYear, latest, baseline, target, null, null, null, null,
                null, reason, null);
    }

    private static ProgressStatus byRatio(BigDecimal ratio) {
        if (ratio.compareTo(ON_TRACK_RATIO) >= 0) {
            return ProgressStatus.ON_TRACK;
        }
        return ratio.compareTo(SOME_PROGRESS_RATIO) >= 0 ? ProgressStatus.NEEDS_ACCELERATION : ProgressStatus.OFF_TRACK;
    }

    private static boolean meets(Better better, BigDecimal value, BigDecimal target) {
        int comparison = value.compareTo(target);
        return better == Better.HIGHER ? comparison >= 0 : comparison <= 0;
    }

    private static boolean beyond(Better better, BigDecimal target, BigDecimal baseline) {
        int comparison = target.compareTo(baseline);
        return better == Better.HIGHER ? comparison > 0 : comparison < 0;
    }

    private static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int scale) {
        return divisor.signum() == 0 ? null : dividend.divide(divisor, PRECISE).setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(double value, int scale) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP) : null;
    }

    private static String show(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String percent(double rate) {
        BigDecimal inPercent = decimal(rate * 100, 1);
        return inPercent == null ? "?" : inPercent.toPlainString();
    }

    private static String share(BigDecimal ratio) {
        return ratio == null ? "?" : ratio.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
