package vn.nangsuat.rules;

import java.util.Collection;
import java.util.Comparator;

/**
 * How final a value is, from the least firm to the firmest. Official statistics come as a preliminary figure about a
 * year after the period and an official one a year later; both are kept, as revisions.
 */
public enum ObservationStatus {
    ESTIMATE,
    PRELIMINARY,
    OFFICIAL;

    /** A combined value is as firm as its least firm part; null for no parts. */
    public static ObservationStatus leastFirm(Collection<ObservationStatus> statuses) {
        return statuses.stream().min(Comparator.naturalOrder()).orElse(null);
    }
}
