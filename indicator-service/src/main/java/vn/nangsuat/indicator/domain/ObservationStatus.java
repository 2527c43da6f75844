package vn.nangsuat.indicator.domain;

/**
 * How final a value is. Official statistics come as a preliminary figure about a year after the period and an
 * official one a year later; both are kept, as revisions.
 */
public enum ObservationStatus {
    ESTIMATE,
    PRELIMINARY,
    OFFICIAL
}
