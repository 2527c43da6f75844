package vn.nangsuat.rules;

/** How often an indicator is published, and so the form of its periods: 2024, 2024Q1, 2024-01. */
public enum Periodicity {
    YEAR,
    QUARTER,
    MONTH
}
