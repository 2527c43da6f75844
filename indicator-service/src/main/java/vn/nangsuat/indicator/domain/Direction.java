package vn.nangsuat.indicator.domain;

/** Which way an indicator should move for the plan to be on track. */
public enum Direction {
    HIGHER,
    LOWER,
    /** Neither is better in itself (employed workers: productivity is what counts). */
    NEUTRAL
}
