package vn.nangsuat.kit.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The record of applied events: a primary-key insert that tells a first delivery from a repeated one. */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event in the current transaction; false when it was recorded before (nothing to do). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(CloudEvent event, String topic) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO inbox_event (source, event_id, topic, event_type, received_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, event.source());
            insert.setString(2, event.id());
            insert.setString(3, topic);
            insert.setString(4, event.type());
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id() + " in the inbox", e);
        }
    }
}
