package vn.nangsuat.indicator.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import vn.nangsuat.indicator.domain.Observation;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.rules.ObservationStatus;

/**
 * Changes of values, published per series (a unit and an indicator, key `UNIT:INDICATOR`) through the outbox in the
 * write's transaction: one event names every period the write changed, so an import of many rows is a few events,
 * not one per row. Documented in `/asyncapi.yaml`.
 */
@ApplicationScoped
public class ObservationEvents {

    /** The aggregate type of value events. */
    public static final String AGGREGATE = "observation";

    /** A period's new value, or its deletion (value and status null). */
    public record Change(String period, BigDecimal value, ObservationStatus status, int revision, boolean deleted) {
    }

    /** The periods of one series that a write changed. */
    public record SeriesChanged(String unit, String indicator, List<Change> changes) {
    }

    /** The most changes one event carries: a longer series touched by an import is published in several events. */
    public static final int MAX_CHANGES = 1_000;

    private final Outbox outbox;

    public ObservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void changed(Observation revision) {
        Observation.Id id = revision.id;
        changed(List.of(new SeriesChanged(id.unitCode(), id.indicatorCode(), List.of(new Change(id.period(),
                revision.value, revision.status, id.revision(), revision.deleted())))));
    }

    /**
     * Changes of several series written together (by an import), each at most {@link #MAX_CHANGES} periods, in one
     * batch of the outbox.
     */
    public void changed(List<SeriesChanged> series) {
        for (SeriesChanged one : series) {
            if (one.changes().size() > MAX_CHANGES) {
                throw new IllegalArgumentException(one.changes().size() + " changes in one event; at most " + MAX_CHANGES);
            }
        }
        outbox.publishAll(AGGREGATE, "observation.changed", series.stream()
                .map(one -> new Outbox.Keyed(one.unit() + ":" + one.indicator(), one)).toList());
    }
}
