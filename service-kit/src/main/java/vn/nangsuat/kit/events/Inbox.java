package vn.nangsuat.kit.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of applied events, per consumer: a primary-key insert that tells a first delivery from a repeated
 * one. Also the record of what each consumer parked on a DLQ, so operators see it after a restart too.
 */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event for the consumer in the current transaction; false when it was recorded before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, CloudEvent event, String topic) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO inbox_event (consumer, source, event_id, topic, event_type, received_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, consumer);
            insert.setString(2, event.source());
            insert.setString(3, event.id());
            insert.setString(4, topic);
            insert.setString(5, event.type());
            insert.setTimestamp(6, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id() + " in the inbox", e);
        }
    }

    /**
     * Records the events for the consumer in the current transaction, one statement to find those recorded before and
     * one to record the rest: the events not recorded before, in their order (one listed twice counts once). Fails
     * when another instance records one of them meanwhile; {@link #firstDelivery} then takes them one at a time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CloudEvent> firstDeliveries(String consumer, List<CloudEvent> events, String topic) {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> recorded = recordedBefore(connection, consumer, events);
            List<CloudEvent> first = new ArrayList<>();
            for (CloudEvent event : events) {
                if (recorded.add(event.source() + ' ' + event.id())) {
                    first.add(event);
                }
            }
            if (first.isEmpty()) {
                return first;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_event (consumer, source, event_id,"
                    + " topic, event_type, received_at) VALUES " + String.join(", ", Collections.nCopies(first.size(),
                            "(?, ?, ?, ?, ?, ?)")))) {
                int parameter = 1;
                Timestamp now = Timestamp.from(Instant.now());
                for (CloudEvent event : first) {
                    insert.setString(parameter++, consumer);
                    insert.setString(parameter++, event.source());
                    insert.setString(parameter++, event.id());
                    insert.setString(parameter++, topic);
                    insert.setString(parameter++, event.type());
                    insert.setTimestamp(parameter++, now);
                }
                insert.executeUpdate();
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + events.size() + " events in the inbox", e);
        }
    }

    /** `source id` of the events the consumer recorded before, by source: a range of the primary key each. */
    private static Set<String> recordedBefore(Connection connection, String consumer, List<CloudEvent> events)
            throws SQLException {
        Map<String, List<String>> idsBySource = new HashMap<>();
        events.forEach(event -> idsBySource.computeIfAbsent(event.source(), source -> new ArrayList<>()).add(event.id()));
        Set<String> recorded = new HashSet<>();
        for (Map.Entry<String, List<String>> source : idsBySource.entrySet()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT event_id FROM inbox_event WHERE consumer = ?"
                    + " AND source = ? AND event_id IN (" + String.join(", ", Collections.nCopies(source.getValue().size(), "?"))
                    + ")")) {
                query.setString(1, consumer);
                query.setString(2, source.getKey());
                for (int i = 0; i < source.getValue().size(); i++) {
                    query.setString(i + 3, source.getValue().get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(source.getKey() + ' ' + rows.getString(1));
                    }
                }
            }
        }
        return recorded;
    }

    /** A record parked on the DLQ, by where it was read; recording it twice (a retried park) keeps one row. */
    public record Parked(String consumer, String topic, int partition, long offset, String eventId, String reason) {
    }

    /** Whether this consumer parked the record at that place before (a topic read whole again, say). */
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

    public void recordParked(Parked parked) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO dead_letter_event (consumer, topic, partition_no, offset_no, event_id, reason,"
                                + " parked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, parked.consumer());
            insert.setString(2, parked.topic());
            insert.setInt(3, parked.partition());
            insert.setLong(4, parked.offset());
            insert.setString(5, parked.eventId());
            insert.setString(6, parked.reason().length() > 1000 ? parked.reason().substring(0, 1000) : parked.reason());
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /** How many records each consumer has parked on a DLQ, ever. */
    public Map<String, Long> parkedCounts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT consumer, COUNT(*) FROM dead_letter_event GROUP BY consumer");
                ResultSet rows = query.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        }
    }
}
