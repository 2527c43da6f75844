package vn.nangsuat.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import vn.nangsuat.kit.web.RequestIds;

/**
 * Publishing an event is one call inside the transaction that makes the change: the event is written as a
 * row of `outbox_event` on the same connection, so it commits or rolls back with the change. The relay
 * sends it to Kafka once the transaction has committed; a write never waits for, or fails because of, Kafka.
 */
@ApplicationScoped
public class Outbox {

    /** Fired with each row written; the relay wakes after the transaction commits, and snapshots of the type go. */
    public record Written(String topic, String aggregateType) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Event<Written> written;

    public Outbox(AgroalDataSource dataSource, ObjectMapper json, EventsConfig config, Event<Written> written) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.written = written;
    }

    /**
     * @param aggregateType e.g. `province`
     * @param aggregateId the record key on Kafka, e.g. the unit code `38`: one aggregate's events stay in order
     * @param name the event's name, e.g. `province.changed` (sent as type `vn.nangsuat.province.changed.v1`)
     * @param data the payload record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String aggregateType, String aggregateId, String name, Object data) {
        return publish(aggregateType, aggregateId, name, 1, data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String aggregateType, String aggregateId, String name, int version, Object data) {
        return write(config.topic(), aggregateType, aggregateId, name, version, data);
    }

    /**
     * Publishes the whole current state of one aggregate (or one part of it that changes alone, such as a unit
     * version) to the service's compacted state topic (`events.state-topic`), where the latest record per key
     * stays for good: a replica built long after the events reads that topic whole and converges.
     *
     * @param key the record key, the same for every state of this thing, e.g. `38/2004-01-01`
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publishState(String aggregateType, String key, String name, Object data) {
        String topic = config.stateTopic().orElseThrow(() -> new IllegalStateException(
                "events.state-topic is not set, so " + name + " has nowhere to go"));
        return write(topic, aggregateType, key, name, 1, data);
    }

    private CloudEvent write(String topic, String aggregateType, String aggregateId, String name, int version, Object data) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(),
                CloudEvent.type(name, version), aggregateId, now.toString(), "application/json",
                RequestIds.current(), json.valueToTree(data));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, topic);
            insert.setString(3, aggregateType);
            insert.setString(4, aggregateId);
            insert.setString(5, event.type());
            insert.setString(6, json.writeValueAsString(event));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.type() + " of " + aggregateId + " to the outbox", e);
        }
        written.fire(new Written(topic, aggregateType));
        return event;
    }
}
