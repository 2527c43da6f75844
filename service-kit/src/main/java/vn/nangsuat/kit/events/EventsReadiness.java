package vn.nangsuat.kit.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.nangsuat.kit.concurrent.Background;

/**
 * How the events are doing, for operators: the outbox lag (age of the oldest unsent event, also the metric
 * `outbox_lag_seconds`), whether the relay reaches the broker, and for each consumer how many events it has
 * not applied, whether it is stuck on one (and why), how many it has ever parked on a DLQ, and which events wait
 * for a replay (set aside after failing again and again, or held behind one: {@link ParkedEvents}). The same figures
 * are metrics to alert on: `events_broker_reachable`, and per consumer `events_consumer_lag`, `events_consumer_stuck`,
 * `events_consumer_dead_lettered` and `events_consumer_waiting`. Reported as
 * readiness detail, never gating: a service is ready when it can answer (its database check says so), and a
 * Kafka outage, a backlog or a stuck consumer do not stop it answering from what it has. The counts that need the
 * database are taken every half second on a thread of their own, so a probe answers at once whatever the pool does.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    /** How often the outbox and the parked events are counted; a probe reads the last count. */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

    private final AgroalDataSource dataSource;
    private final EventConsumers consumers;
    private final OutboxRelay relay;
    private final ParkedEvents parked;
    /** The last counts; a probe never waits for the database (a busy pool must not make a probe slow or fail). */
    private volatile Sample sample = new Sample(new OutboxState(-1, -1), Map.of(), Map.of());
    private ScheduledExecutorService sampler;
    private MeterRegistry registry;
    /** The consumers whose metrics are registered (a consumer is known once it has started). */
    private final Set<String> measured = ConcurrentHashMap.newKeySet();

    public EventsReadiness(AgroalDataSource dataSource, EventConsumers consumers, OutboxRelay relay, ParkedEvents parked) {
        this.dataSource = dataSource;
        this.consumers = consumers;
        this.relay = relay;
        this.parked = parked;
    }

    /** The events a probe names per consumer, at most, of those waiting for a replay. */
    static final int WAITING_NAMED = 10;

    private record Sample(OutboxState outbox, Map<String, ParkedEvents.Counts> parked, Map<String, List<String>> waiting) {

        ParkedEvents.Counts of(String consumer) {
            return parked.getOrDefault(consumer, new ParkedEvents.Counts(0, 0));
        }
    }

    void start(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("outbox.lag.seconds", this, readiness -> readiness.outbox().lagSeconds())
                .description("Age of the oldest event not yet sent to Kafka").register(registry);
        Gauge.builder("outbox.pending", this, readiness -> readiness.outbox().pending())
                .description("Events written but not yet sent to Kafka").register(registry);
        Gauge.builder("events.broker.reachable", relay, outbox -> outbox.brokerState().reachable() ? 1 : 0)
                .description("1 while the outbox relay reaches Kafka, 0 while it does not").register(registry);
        this.registry = registry;
        sampler = Background.singleThread("events-readiness");
        sampler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    public record OutboxState(long pending, double lagSeconds) {
    }

    /** The outbox as last counted (pending -1: not counted yet, or the database did not answer). */
    public OutboxState outbox() {
        return sample.outbox();
    }

    private void sample() {
        sample = parkedSample(countOutbox());
        consumers.progress().values().forEach(this::measure);
    }

    /** Registers a consumer's gauges the first time it is seen; they read its progress at each scrape. */
    private void measure(EventConsumers.Progress first) {
        String name = first.consumer();
        if (registry == null || !measured.add(name)) {
            return;
        }
        Tags tags = Tags.of("consumer", name, "topic", first.topic());
        Gauge.builder("events.consumer.lag", consumers, all -> progressOf(all, name).eventsBehind())
                .tags(tags).description("Events of its topic the consumer has not applied yet").register(registry);
        Gauge.builder("events.consumer.stuck", consumers, all -> progressOf(all, name).stuck() == null ? 0 : 1)
                .tags(tags).description("1 while the consumer retries one event that keeps failing").register(registry);
        Gauge.builder("events.consumer.dead.lettered", this, readiness -> readiness.sample.of(name).deadLettered())
                .tags(tags).description("Events the consumer has parked on its DLQ, ever").register(registry);
        Gauge.builder("events.consumer.waiting", this, readiness -> readiness.sample.of(name).waiting())
                .tags(tags).description("Events set aside after failing again and again, or held behind one, that wait"
                        + " for a replay").register(registry);
    }

    private static EventConsumers.Progress progressOf(EventConsumers all, String name) {
        EventConsumers.Progress progress = all.progress().get(name);
        return progress != null ? progress : new EventConsumers.Progress(name, "", 0, null, null, null);
    }

    private OutboxState countOutbox() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*), MIN(created_at) FROM outbox_event WHERE sent_at IS NULL");
                ResultSet row = query.executeQuery()) {
            row.next();
            long pending = row.getLong(1);
            Timestamp oldest = row.getTimestamp(2);
            double lag = oldest == null ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0;
            return new OutboxState(pending, Math.max(0, lag));
        } catch (SQLException | RuntimeException e) {
            return new OutboxState(-1, -1);
        }
    }

    @Override
    public HealthCheckResponse call() {
        Sample last = sample;
        OutboxRelay.BrokerState broker = relay.brokerState();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Events").up()
                .withData("outboxPending", last.outbox().pending())
                .withData("outboxLagSeconds", String.format("%.3f", last.outbox().lagSeconds()))
                .withData("kafka", broker.reachable() ? "reachable"
                        : "unreachable since " + broker.since() + ": " + broker.lastError());
        consumers.progress().values().forEach(progress -> {
            String name = progress.consumer();
            EventConsumers.Stuck stuck = progress.stuck();
            builder.withData(name + " topic", progress.topic())
                    .withData(name + " eventsBehind", progress.eventsBehind())
                    .withData(name + " lastApplied", progress.lastApplied() == null ? "none yet" : progress.lastApplied().toString())
                    .withData(name + " state", stuck == null ? "applying"
                            : "stuck since " + stuck.since() + " after " + stuck.attempts() + " attempts: " + stuck.lastError())
                    .withData(name + " deadLettered", last.of(name).deadLettered())
                    .withData(name + " waitingForReplay", waitingDetail(last, name));
        });
        return builder.build();
    }

    /** "none", or how many wait and the first ids, e.g. "2: 5f0c... (FAILING), 77ab... (HELD)". */
    private static String waitingDetail(Sample sample, String consumer) {
        long waiting = sample.of(consumer).waiting();
        if (waiting == 0) {
            return "none";
        }
        List<String> named = sample.waiting().getOrDefault(consumer, List.of());
        return waiting + ": " + String.join(", ", named) + (waiting > named.size() ? ", ..." : "");
    }

    /** The parked counts and the first waiting events of each consumer; the last ones when the database is away. */
    private Sample parkedSample(OutboxState outbox) {
        try {
            Map<String, ParkedEvents.Counts> counts = parked.counts();
            Map<String, List<String>> waiting = new HashMap<>();
            if (counts.values().stream().anyMatch(count -> count.waiting() > 0)) {
                for (ParkedEvents.Parked one : parked.firstWaiting(100)) {
                    List<String> named = waiting.computeIfAbsent(one.consumer(), consumer -> new ArrayList<>());
                    if (named.size() < WAITING_NAMED) {
                        named.add(one.eventId() + " (" + one.state() + ")");
                    }
                }
            }
            return new Sample(outbox, counts, waiting);
        } catch (SQLException | RuntimeException e) {
            return new Sample(outbox, sample.parked(), sample.waiting());
        }
    }
}
