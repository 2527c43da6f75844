package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nangsuat.indicator.imports.ImportJobRepository;

/**
 * Every revision in the order it was recorded, deletions included, for systems that pull what changed since they last
 * asked. A revision carries the instant its transaction took, which may commit later than a revision recorded after
 * it; so the feed serves only up to a settled instant: `settle` ago, and never past the start of an import's commit
 * still running. A client that follows `next` sees every revision once.
 */
@ApplicationScoped
@Transactional
public class ChangeFeed {

    /** A page of the feed: its revisions, where the next page starts, whether one is there already, and the bound. */
    public record Page(List<Observation> revisions, ChangeCursor next, boolean more, Instant until) {
    }

    private final ObservationRepository observations;
    private final ImportJobRepository imports;
    private final Duration settle;
    private final Duration staleAfter;

    public ChangeFeed(ObservationRepository observations, ImportJobRepository imports,
            @ConfigProperty(name = "observations.feed-settle") Duration settle,
            @ConfigProperty(name = "imports.stale-after") Duration staleAfter) {
        this.observations = observations;
        this.imports = imports;
        this.settle = settle;
        this.staleAfter = staleAfter;
    }

    public Page after(ChangeCursor cursor, List<String> units, List<String> indicators, int size) {
        Instant now = Instant.now();
        Instant until = now.minus(settle);
        Instant running = imports.earliestRunningCommit(now.minus(staleAfter)).orElse(until);
        if (running.isBefore(until)) {
            until = running;
        }
        List<Observation> page = observations.recordedAfter(cursor, until, units, indicators, size + 1);
        boolean more = page.size() > size;
        List<Observation> revisions = more ? page.subList(0, size) : page;
        observations.fillSuperseded(revisions);
        ChangeCursor next = revisions.isEmpty() ? cursor : ChangeCursor.after(revisions.get(revisions.size() - 1));
        return new Page(List.copyOf(revisions), next, more, until);
    }
}
