package vn.nangsuat.plan.domain;

import java.math.BigDecimal;

/**
 * The level of progress of the UNSD SDG Progress Chart (UN Statistics Division, "SDG Progress Chart, Technical note",
 * the methodology Open SDG implements), read from the ratio of the observed pace to the pace the target needs, while
 * the target year is ahead: beside the three statuses a plan's dashboard uses, the finer scale statisticians compare.
 */
public enum ProgressLevel {
    /** The ratio is 0.95 or more: the target will be met at the present pace. */
    SUBSTANTIAL,
    /** From 0.5 to below 0.95. */
    MODERATE,
    /** From 0.1 to below 0.5. */
    MARGINAL,
    /** From -0.1 to below 0.1: hardly moving. */
    STAGNATION,
    /** Below -0.1: moving away from the target. */
    DETERIORATION;

    private static final BigDecimal SUBSTANTIAL_FROM = new BigDecimal("0.95");
    private static final BigDecimal MODERATE_FROM = new BigDecimal("0.5");
    private static final BigDecimal MARGINAL_FROM = new BigDecimal("0.1");
    private static final BigDecimal STAGNATION_FROM = new BigDecimal("-0.1");

    /** The level of a ratio; null when there is no ratio. */
    public static ProgressLevel of(BigDecimal ratio) {
        if (ratio == null) {
            return null;
        }
        if (ratio.compareTo(SUBSTANTIAL_FROM) >= 0) {
            return SUBSTANTIAL;
        }
        if (ratio.compareTo(MODERATE_FROM) >= 0) {
            return MODERATE;
        }
        if (ratio.compareTo(MARGINAL_FROM) >= 0) {
            return MARGINAL;
        }
        return ratio.compareTo(STAGNATION_FROM) >= 0 ? STAGNATION : DETERIORATION;
    }
}
