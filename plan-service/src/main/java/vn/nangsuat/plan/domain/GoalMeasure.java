package vn.nangsuat.plan.domain;

/** How a national goal's current value is computed. */
public enum GoalMeasure {
    /** Provinces with an approved plan under Decision 36. */
    PLANS,
    /** The average yearly growth of a national ratio of sums (labour productivity = GRDP / employed workers). */
    RATIO_GROWTH,
    /** The national sum of a yearly count over the years from the baseline year. */
    CUMULATIVE_COUNT,
    /** A national figure published elsewhere: never derived from provincial values. */
    REPORTED
}
