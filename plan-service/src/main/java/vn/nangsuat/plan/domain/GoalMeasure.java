package vn.nangsuat.plan.domain;

/** How a national goal's current value is computed. */
public enum GoalMeasure {
    /** Provinces with an approved plan under Decision 36. */
    PLANS,
    /** The average yearly growth of a national ratio of sums (labour productivity = GRDP / employed workers). */
    RATIO_GROWTH,
    /**
     * A count of the decision, by how it combines over time: a FLOW (SMEs starting a pilot project in the year) is the
     * national sum over the years from the baseline year; a STOCK (schools running a club) its latest national level.
     */
    COUNT,
    /** A national figure published elsewhere: never derived from provincial values. */
    REPORTED
}
