package vn.nangsuat.indicator.domain;

/** How the values of several provinces (or merged predecessors) combine into one. */
public enum Aggregation {
    /** Values add up: GRDP, employed workers. */
    ADDITIVE,
    /** numerator / denominator of two additive indicators: sum each, then divide. */
    RATIO,
    /** Neither summed nor averaged: growth rates, TFP contribution. */
    NON_ADDITIVE
}
