package vn.nangsuat.indicator.imports;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.nangsuat.indicator.events.ObservationEvents;
import vn.nangsuat.rules.ObservationStatus;

/**
 * An import's events, in its commit's transaction: one per series touched and at most MAX_CHANGES periods, read back in
 * order through a spill file and written to the outbox a batch at a time, so a million rows never sit in the heap.
 */
@ApplicationScoped
class ImportEventBatches {

    /** Events written to the outbox per batch: at most 20,000 changes held at once (the heap stays small). */
    private static final int EVENTS_PER_BATCH = 20;

    private final Staging staging;
    private final ObservationEvents events;

    ImportEventBatches(Staging staging, ObservationEvents events) {
        this.staging = staging;
        this.events = events;
    }

    /**
     * Publishes what the job wrote at {@code now}; returns what it changed, counted on the way ({@code alone}: the rows
     * merged, those that repeat no other row's key).
     */
    Staging.Changes publish(String id, long alone, Instant now, Path spill) throws SQLException, IOException {
        try (BufferedWriter out = Files.newBufferedWriter(spill, StandardCharsets.UTF_8)) {
            staging.written(id, now, row -> {
                try {
                    out.write(row.unit() + "\t" + row.indicator() + "\t" + row.period() + "\t" + row.revision() + "\t"
                            + (row.value() == null ? "" : row.value().toPlainString()) + "\t"
                            + (row.status() == null ? "" : row.status()) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        long added = 0;
        long revised = 0;
        long deleted = 0;
        try (BufferedReader in = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
            List<ObservationEvents.SeriesChanged> batch = new ArrayList<>();
            ObservationEvents.SeriesChanged series = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] field = line.split("\t", -1);
                if (series == null || !series.unit().equals(field[0]) || !series.indicator().equals(field[1])
                        || series.changes().size() == ObservationEvents.MAX_CHANGES) {
                    if (batch.size() == EVENTS_PER_BATCH) {
                        events.changed(batch);
                        batch.clear();
                    }
                    series = new ObservationEvents.SeriesChanged(field[0], field[1], new ArrayList<>());
                    batch.add(series);
                }
                boolean isDeletion = field[4].isEmpty();
                int revision = Integer.parseInt(field[3]);
                if (isDeletion) {
                    deleted++;
                } else if (revision == 1) {
                    added++;
                } else {
                    revised++;  // a value corrected, or given again after a deletion
                }
                series.changes().add(new ObservationEvents.Change(field[2], isDeletion ? null : new BigDecimal(field[4]),
                        isDeletion ? null : ObservationStatus.valueOf(field[5]), revision, isDeletion));
            }
            events.changed(batch);
        }
        return new Staging.Changes(added, revised, alone - added - revised, deleted);
    }
}
