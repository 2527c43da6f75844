package vn.nangsuat.rules;

/**
 * What the rules need of an indicator's definition: how its values combine across units ({@link Aggregation}) and
 * over time ({@link OverTime}), and the indicators it is computed from (a ratio's parts, a growth's base).
 */
public record IndicatorRule(String code, Aggregation aggregation, OverTime overTime, String numerator,
        String denominator, String base) {

    /** An additive indicator (GRDP, workers, counts). */
    public static IndicatorRule additive(String code, OverTime overTime) {
        return new IndicatorRule(code, Aggregation.ADDITIVE, overTime, null, null, null);
    }

    /** numerator / denominator, both additive. */
    public static IndicatorRule ratio(String code, String numerator, String denominator) {
        return new IndicatorRule(code, Aggregation.RATIO, OverTime.STOCK, numerator, denominator, null);
    }

    /** The change from one period to the next of a base indicator, in percent. */
    public static IndicatorRule growthOf(String code, String base) {
        return new IndicatorRule(code, Aggregation.GROWTH, OverTime.STOCK, null, null, base);
    }

    /** Taken as reported: never combined. */
    public static IndicatorRule reported(String code) {
        return new IndicatorRule(code, Aggregation.REPORTED, OverTime.STOCK, null, null, null);
    }
}
