package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Every revision in the order it was recorded, deletions included, for systems that pull what changed since they last
 * asked. A revision carries the instant its transaction took, which may commit later than a revision recorded after
 * it; so the feed serves only up to the {@link SettledInstant}. A client that follows `next` sees every revision once.
 */
@ApplicationScoped
@Transactional
public class ChangeFeed {

    /** A page of the feed: its revisions, where the next page starts, whether one is there already, and the bound. */
    public record Page(List<Observation> revisions, ChangeCursor next, boolean more, Instant until) {
    }

    private final ObservationRepository observations;
    private final SettledInstant settled;

    public ChangeFeed(ObservationRepository observations, SettledInstant settled) {
        this.observations = observations;
        this.settled = settled;
    }

    public Page after(ChangeCursor cursor, List<String> units, List<String> indicators, int size) {
        Instant until = settled.now();
        List<Observation> page = observations.recordedAfter(cursor, until, units, indicators, size + 1);
        boolean more = page.size() > size;
        List<Observation> revisions = more ? page.subList(0, size) : page;
        observations.fillSuperseded(revisions);
        ChangeCursor next = revisions.isEmpty() ? cursor : ChangeCursor.after(revisions.get(revisions.size() - 1));
        return new Page(List.copyOf(revisions), next, more, until);
    }
}
