package vn.nangsuat.kit.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record of events a consumer set aside (`dead_letter_event`), so operators see them after a restart too and
 * can apply them again after a fix. Three kinds: an event the handler REFUSED (it can never apply: its key goes on
 * without it), one that kept FAILING while the database answered (a bug, most likely: it holds its key), and the
 * later events of a held key, HELD behind it so they apply in their order once it does. A replay turns FAILING and
 * HELD into REPLAYED. Statements run on the caller's transaction when there is one (Agroal enlists the connection).
 */
@ApplicationScoped
public class ParkedEvents {

    public enum State {
        REFUSED, FAILING, HELD, REPLAYED
    }

    /** A record set aside, by where it was read, with what it takes to apply it again. */
    public record Parked(String consumer, String topic, int partition, long offset, String eventId, String key,
            State state, String reason, Instant parkedAt, String payload) {

        /** The same without its payload, as operators are shown it. */
        public Parked summary() {
            return new Parked(consumer, topic, partition, offset, eventId, key, state, reason, parkedAt, null);
        }
    }

    /** Per consumer: events ever put on its DLQ, and events waiting for a replay (FAILING and HELD). */
    public record Counts(long deadLettered, long waiting) {
    }

    private static final String COLUMNS = "consumer, topic, partition_no, offset_no, event_id, record_key, state, reason,"
            + " parked_at, payload";
    private static final String WAITING = "state IN ('FAILING', 'HELD')";
    private static final int REASON_LENGTH = 1000;

    private final AgroalDataSource dataSource;

    public ParkedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this consumer set the record at that place aside before (a topic read whole again, say). */
    public boolean wasParked(String consumer, String topic, int partition, long offset) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM dead_letter_event WHERE consumer = ? AND topic = ? AND partition_no = ? AND offset_no = ?")) {
            query.setString(1, consumer);
            query.setString(2, topic);
            query.setInt(3, partition);
            query.setLong(4, offset);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Records a record set aside; recording it twice (a retried park) keeps one row. */
    public void record(Parked parked) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO dead_letter_event (" + COLUMNS
                        + ", on_dlq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, parked.consumer());
            insert.setString(2, parked.topic());
            insert.setInt(3, parked.partition());
            insert.setLong(4, parked.offset());
            insert.setString(5, parked.eventId());
            insert.setString(6, parked.key());
            insert.setString(7, parked.state().name());
            insert.setString(8, shortened(parked.reason()));
            insert.setTimestamp(9, Timestamp.from(parked.parkedAt()));
            insert.setString(10, parked.payload());
            insert.setBoolean(11, parked.state() != State.HELD);
            insert.executeUpdate();
        }
    }

    /**
     * Of these keys, those held by an event waiting for a replay, each with the id of the first event it waits behind.
     * A locking read, in the caller's transaction: a replay of the key (which locks its rows) finishes first, so an
     * event is either held behind the replayed ones or applied after them, never between.
     */
    public Map<String, String> waitingKeys(String consumer, String topic, Collection<String> keys) throws SQLException {
        List<String> present = keys.stream().filter(key -> key != null).distinct().toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT record_key, event_id FROM dead_letter_event"
                        + " WHERE consumer = ? AND topic = ? AND " + WAITING + " AND record_key IN ("
                        + String.join(", ", Collections.nCopies(present.size(), "?"))
                        + ") ORDER BY partition_no, offset_no LOCK IN SHARE MODE")) {
            query.setString(1, consumer);
            query.setString(2, topic);
            for (int i = 0; i < present.size(); i++) {
                query.setString(i + 3, present.get(i));
            }
            Map<String, String> waiting = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    waiting.putIfAbsent(rows.getString(1), rows.getString(2));
                }
            }
            return waiting;
        }
    }

    /** The events waiting for a replay, of one consumer or (null) all, by consumer, topic, key and order read. */
    public List<Parked> waiting(String consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter_event WHERE "
                        + WAITING + (consumer == null ? "" : " AND consumer = ?")
                        + " ORDER BY consumer, topic, record_key, partition_no, offset_no")) {
            if (consumer != null) {
                query.setString(1, consumer);
            }
            return read(query);
        }
    }

    /** The first events waiting for a replay, oldest first, without their values: what a probe names. */
    public List<Parked> firstWaiting(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS.replace("payload", "NULL")
                        + " FROM dead_letter_event WHERE " + WAITING + " ORDER BY parked_at LIMIT ?")) {
            query.setInt(1, limit);
            return read(query);
        }
    }

    /**
     * The waiting events of one key, in the order they were read, locked for the caller's transaction (a replay). A
     * record without a key is its own: {@code offset} names it.
     */
    public List<Parked> lockWaiting(Parked first) throws SQLException {
        String sameKey = first.key() == null ? "record_key IS NULL AND partition_no = ? AND offset_no = ?" : "record_key = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter_event"
                        + " WHERE consumer = ? AND topic = ? AND " + WAITING + " AND " + sameKey
                        + " ORDER BY partition_no, offset_no FOR UPDATE")) {
            query.setString(1, first.consumer());
            query.setString(2, first.topic());
            if (first.key() == null) {
                query.setInt(3, first.partition());
                query.setLong(4, first.offset());
            } else {
                query.setString(3, first.key());
            }
            return read(query);
        }
    }

    /** Marks the event applied by a replay, or (reason given) failing again, so it now holds its key. */
    public void replayed(Parked parked, String failedAgain) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(failedAgain == null
                        ? "UPDATE dead_letter_event SET state = 'REPLAYED', replayed_at = ? WHERE consumer = ? AND topic = ?"
                                + " AND partition_no = ? AND offset_no = ?"
                        : "UPDATE dead_letter_event SET state = 'FAILING', reason = ? WHERE consumer = ? AND topic = ?"
                                + " AND partition_no = ? AND offset_no = ?")) {
            if (failedAgain == null) {
                update.setTimestamp(1, Timestamp.from(Instant.now()));
            } else {
                update.setString(1, shortened(failedAgain));
            }
            update.setString(2, parked.consumer());
            update.setString(3, parked.topic());
            update.setInt(4, parked.partition());
            update.setLong(5, parked.offset());
            update.executeUpdate();
        }
    }

    /** Per consumer, what it has put on its DLQ ever and what waits for a replay now. */
    public Map<String, Counts> counts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT consumer, SUM(on_dlq), SUM(" + WAITING + ")"
                        + " FROM dead_letter_event GROUP BY consumer");
                ResultSet rows = query.executeQuery()) {
            Map<String, Counts> counts = new LinkedHashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), new Counts(rows.getLong(2), rows.getLong(3)));
            }
            return counts;
        }
    }

    /** Whether the database answers now, on a connection of its own: a failure while it does is the event's. */
    public boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static List<Parked> read(PreparedStatement query) throws SQLException {
        List<Parked> parked = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                parked.add(new Parked(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
                        rows.getString(5), rows.getString(6), State.valueOf(rows.getString(7)), rows.getString(8),
                        rows.getTimestamp(9).toInstant(), rows.getString(10)));
            }
        }
        return parked;
    }

    private static String shortened(String reason) {
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
    }
}
