package vn.nangsuat.kit.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.concurrent.Background;

/**
 * Sends the outbox to Kafka: right after each commit that wrote events, and every poll interval for
 * whatever is left (a crash between commit and send, a broker outage). One relay at a time per service: a
 * relay holds the lease row (`SELECT ... FOR UPDATE SKIP LOCKED`), so another instance skips instead of
 * sending the same rows or overtaking their order; the rows themselves are read without locks, so writers
 * that publish events never wait for the relay. Rows leave in commit order (`seq`) and are marked sent
 * only once the broker has acknowledged them; what fails stays unsent and goes again later. A consumer may
 * therefore see an event twice, never lose one: the inbox makes the second time a no-op.
 * <p>
 * A batch holds the lease, a transaction and a connection, so its time is bounded whatever the broker does:
 * no send starts after the send timeout has passed or after one has failed (a send blocks while the broker's
 * metadata is missing), and the acknowledgements are awaited only until the same deadline.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Kafka header naming the aggregate type of the event (`province`), for readers that care about types only. */
    public static final String AGGREGATE_TYPE_HEADER = "aggregate-type";

    /** What the last batch that tried to send found: for readiness detail, never for gating. */
    public record BrokerState(boolean reachable, Instant since, String lastError) {
    }

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final KafkaClients kafka;
    private final String applicationName;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile BrokerState brokerState = new BrokerState(true, Instant.now(), null);
    private ScheduledExecutorService executor;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(AgroalDataSource dataSource, EventsConfig config, KafkaClients kafka,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.applicationName = applicationName;
    }

    public BrokerState brokerState() {
        return brokerState;
    }

    void start(@Observes StartupEvent startup) {
        producer = kafka.producer(applicationName + "-outbox", config.outbox().sendTimeout());
        executor = Background.singleThread("outbox-relay");
        long poll = config.outbox().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drainSafely, poll, poll, TimeUnit.MILLISECONDS);
        long purge = config.outbox().purgeInterval().toMillis();
        executor.scheduleWithFixedDelay(this::purgeSafely, purge, purge, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(config.outbox().sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Wakes the relay once the transaction that wrote events has committed. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        if (executor != null && drainQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                drainQueued.set(false);
                drainSafely();
            });
        }
    }

    /** Sends until the outbox is empty or a send fails; returns how many events were sent. */
    public int drain() {
        int total = 0;
        // The batch's own bound, with room to mark the rows sent; the transaction may never outlive it by much.
        int transactionSeconds = (int) config.outbox().sendTimeout().multipliedBy(2).toSeconds() + 5;
        while (true) {
            Integer sent = QuarkusTransaction.requiringNew().timeout(transactionSeconds).call(this::sendOneBatch);
            if (sent == null) {
                return total;
            }
            total += sent;
            if (sent < config.outbox().batchSize()) {
                return total;
            }
        }
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay will retry: %s", e.getMessage());
        }
    }

    private void purgeSafely() {
        try {
            purgeSentBefore(Instant.now().minus(config.outbox().retention()));
        } catch (RuntimeException e) {
            LOG.warnf("outbox purge will retry: %s", e.getMessage());
        }
    }

    private record Row(long seq, String topic, String aggregateType, String key, String payload) {
    }

    /** @return events sent and marked in this transaction, or null when another relay holds the lease or a send failed */
    private Integer sendOneBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!takeLease(connection)) {
                return null;
            }
            List<Row> rows = unsentRows(connection);
            if (rows.isEmpty()) {
                return 0;
            }
            int acknowledged = send(rows);
            markSent(connection, rows.subList(0, acknowledged));
            return acknowledged == rows.size() ? acknowledged : null;
        }
    }

    /**
     * Sends the rows in order and waits for their acknowledgements, all within the send timeout; returns how many
     * of the first rows the broker took. Rows after the first failure are not sent, so order is kept.
     */
    private int send(List<Row> rows) {
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Row row : rows) {
            if (System.nanoTime() > deadline) {
                break;
            }
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII));
            record.headers().add(AGGREGATE_TYPE_HEADER, row.aggregateType().getBytes(StandardCharsets.UTF_8));
            Future<RecordMetadata> send = producer.send(record);
            sends.add(send);
            if (send.isDone() && failed(send)) {
                break;  // no metadata or a full buffer: the rest would block as long, each
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                String error = e.getCause() != null ? e.getCause().toString() : e.toString();
                LOG.warnf("Kafka did not take outbox event %d: %s; it stays queued", rows.get(acknowledged).seq(), error);
                if (brokerState.reachable()) {
                    brokerState = new BrokerState(false, Instant.now(), error);
                }
                return acknowledged;
            }
        }
        if (!brokerState.reachable() && acknowledged > 0) {
            brokerState = new BrokerState(true, Instant.now(), null);
        }
        return acknowledged;
    }

    private static boolean failed(Future<?> done) {
        try {
            done.get(0, TimeUnit.MILLISECONDS);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static boolean takeLease(Connection connection) throws SQLException {
        try (PreparedStatement lease = connection.prepareStatement(
                "SELECT id FROM outbox_relay_lease WHERE id = 1 FOR UPDATE SKIP LOCKED");
                ResultSet row = lease.executeQuery()) {
            return row.next();
        }
    }

    private List<Row> unsentRows(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                // No row locks here: a locking read would also lock the gap after the last row and block every
                // write that publishes an event for as long as Kafka takes to answer. The lease is the lock.
                "SELECT seq, topic, aggregate_type, aggregate_id, payload FROM outbox_event WHERE sent_at IS NULL"
                        + " ORDER BY seq LIMIT ?")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet result = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5)));
                }
                return rows;
            }
        }
    }

    private static void markSent(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = ? WHERE seq = ?")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Row row : rows) {
                update.setTimestamp(1, now);
                update.setLong(2, row.seq());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Deletes rows sent before the cut-off, in slices so no purge holds locks for long. */
    public int purgeSentBefore(Instant cutoff) {
        int total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement delete = connection.prepareStatement(
                                "DELETE FROM outbox_event WHERE sent_at IS NOT NULL AND sent_at < ? LIMIT 5000")) {
                    delete.setTimestamp(1, Timestamp.from(cutoff));
                    return delete.executeUpdate();
                }
            });
            total += deleted;
            if (deleted < 5000) {
                return total;
            }
        }
    }
}
