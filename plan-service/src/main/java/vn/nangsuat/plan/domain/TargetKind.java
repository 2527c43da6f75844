package vn.nangsuat.plan.domain;

/** What a plan's target asks of an indicator; each kind is assessed differently by {@link ProgressRule}. */
public enum TargetKind {
    /** Reach a value by the target year, starting from a baseline (year, value). */
    LEVEL,
    /**
     * Grow on average by at least {@code targetValue} % a year from the baseline year to the target year, assessed as
     * the compound growth of the indicator's level (such as constant-price labour productivity).
     */
    GROWTH,
    /**
     * Make the yearly values, summed from the plan's first year ({@code baselineYear}) to the target year, reach
     * {@code targetValue} (such as enterprises supported).
     */
    CUMULATIVE
}
