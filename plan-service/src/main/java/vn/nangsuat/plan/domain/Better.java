package vn.nangsuat.plan.domain;

/** Which way an indicator should move for the situation to improve. */
public enum Better {
    /** More is better, such as labour productivity. */
    HIGHER,
    /** Less is better, such as energy intensity. */
    LOWER
}
