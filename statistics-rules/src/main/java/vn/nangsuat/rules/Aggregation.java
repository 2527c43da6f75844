package vn.nangsuat.rules;

/** How the values of several provinces (or merged predecessors) combine into one. */
public enum Aggregation {
    /** Values add up: GRDP, employed workers, counts. */
    ADDITIVE,
    /** numerator / denominator of two additive indicators: sum each, then divide; never sum or average the ratios. */
    RATIO,
    /** Year-on-year change of a base indicator, recomputed from the base for any unit or group. */
    GROWTH,
    /** Taken as reported: never summed, averaged or derived (TFP contribution). */
    REPORTED
}
