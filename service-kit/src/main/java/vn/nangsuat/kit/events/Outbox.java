package vn.nangsuat.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import vn.nangsuat.kit.web.RequestIds;

/**
 * Publishing an event is one call inside the transaction that makes the change: the event is written as a
 * row of `outbox_event` on the same connection, so it commits or rolls back with the change. The relay
 * sends it to Kafka once the transaction has committed; a write never waits for, or fails because of, Kafka.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Fired with each batch of rows written; the relay wakes after the transaction commits, and what rests on those
     * aggregates (snapshots, read models) is computed again.
     */
    public record Written(String topic, String aggregateType, List<String> aggregateIds) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final Event<Written> written;
    private final EventTracing tracing;

    public Outbox(AgroalDataSource dataSource, ObjectMapper json, EventsConfig config, Event<Written> written,
            EventTracing tracing) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.written = written;
        this.tracing = tracing;
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

    /** One event of {@link #publishAll}: the record key and the payload. */
    public record Keyed(String aggregateId, Object data) {
    }

    /**
     * Publishes several events of one type in one JDBC batch (a single round trip with `rewriteBatchedStatements`), in
     * the given order: e.g. an import's one event per series touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String aggregateType, String name, List<Keyed> events) {
        if (!events.isEmpty()) {
            write(config.topic(), aggregateType, name, 1, events);
        }
    }

    private CloudEvent write(String topic, String aggregateType, String aggregateId, String name, int version, Object data) {
        return write(topic, aggregateType, name, version, List.of(new Keyed(aggregateId, data))).get(0);
    }

    /** Writes the events in a span of their own (EventTracing), whose trace context each of them carries. */
    private List<CloudEvent> write(String topic, String aggregateType, String name, int version, List<Keyed> keyed) {
        String type = CloudEvent.type(name, version);
        Span span = tracing.publishing(topic, type, keyed.size());
        try (Scope scope = span.makeCurrent()) {
            EventTracing.TraceContext trace = EventTracing.contextOf(span);
            List<CloudEvent> events = keyed.stream().map(one -> event(one.aggregateId(), type, one.data(), trace)).toList();
            insert(topic, aggregateType, events);
            return events;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private CloudEvent event(String aggregateId, String type, Object data, EventTracing.TraceContext trace) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(), type, aggregateId,
                Instant.now().truncatedTo(ChronoUnit.MICROS).toString(), "application/json", RequestIds.current(),
                trace.traceparent(), trace.tracestate(), json.valueToTree(data));
    }

    private void insert(String topic, String aggregateType, List<CloudEvent> events) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CloudEvent event : events) {
                insert.setString(1, event.id());
                insert.setString(2, topic);
                insert.setString(3, aggregateType);
                insert.setString(4, event.subject());
                insert.setString(5, event.type());
                insert.setString(6, json.writeValueAsString(event));
                insert.setTimestamp(7, Timestamp.from(Instant.parse(event.time())));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + events.size() + " event(s) " + events.get(0).type()
                    + " to the outbox", e);
        }
        written.fire(new Written(topic, aggregateType, events.stream().map(CloudEvent::subject).toList()));
    }
}
