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
 * one. What a consumer set aside is in {@link ParkedEvents}.
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
}
