package vn.nangsuat.plan.domain;

/** How a goal's figure is meant: more than, at least, about, or between low and high. */
public enum Comparator {
    MORE_THAN,
    AT_LEAST,
    ABOUT,
    BETWEEN
}
