package vn.nangsuat.plan.domain;

/** Whether an indicator, at its present pace, will meet its target on time; once the target year is over, whether it did. */
public enum ProgressStatus {
    /** Already met, or moving at 95 % or more of the pace the target needs. */
    ON_TRACK,
    /** Moving the right way at 10 % to 95 % of the pace the target needs. */
    NEEDS_ACCELERATION,
    /** Moving the wrong way, or at less than 10 % of the pace the target needs. */
    OFF_TRACK,
    /** Not assessable: no observation after the baseline, no baseline, or figures that admit no rate. */
    NO_DATA,
    /** The target year is over and its value (or the latest before it) met the target. */
    ACHIEVED,
    /** The target year is over and its value (or the latest before it) fell short. */
    NOT_ACHIEVED
}
