package vn.nangsuat.kit.cache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.events.EventsConfig;
import vn.nangsuat.kit.events.KafkaClients;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.kit.events.OutboxRelay;

/**
 * Makes and keeps the service's {@link Snapshot}s, each depending on aggregate types of its own data (`province`,
 * `indicator`) or of a replica it keeps. Every snapshot is loaded at start. One is loaded again right after a commit
 * of this instance that published an event of one of its types, on the committing thread before it answers (so a
 * client reads its own write), and, for every other instance, when that event reaches it: each instance follows the
 * service's own topics from their end (no group, nothing committed). So no instance serves changed data for longer
 * than the event latency; while Kafka is away, other instances serve what they had until it is back. Any other change
 * ({@link #invalidate}) and any load that failed are loaded again by a thread of its own, at once and then every
 * {@code RETRY} until it succeeds: a request thread never loads one, so it never needs a second pooled connection.
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);

    private static final Duration RETRY = Duration.ofMillis(500);

    private final Map<String, List<Snapshot<?>>> byAggregateType = new ConcurrentHashMap<>();
    private final List<Snapshot<?>> all = new CopyOnWriteArrayList<>();
    private final Semaphore changed = new Semaphore(0);
    private final EventsConfig config;
    private final KafkaClients kafka;
    private final String applicationName;
    private volatile boolean running = true;
    private KafkaConsumer<String, String> watcher;

    public Snapshots(EventsConfig config, KafkaClients kafka,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.kafka = kafka;
        this.applicationName = applicationName;
    }

    /** A snapshot loaded by the loader in a read transaction of its own, thrown away when those types change. */
    public <T> Snapshot<T> of(Supplier<T> loader, String... aggregateTypes) {
        Snapshot<T> snapshot = new Snapshot<>(() -> QuarkusTransaction.requiringNew().call(loader::get));
        all.add(snapshot);
        for (String type : aggregateTypes) {
            byAggregateType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(snapshot);
        }
        return snapshot;
    }

    /** After this instance's commit, on the committing thread (its connection back in the pool): load again now. */
    void afterLocalCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        for (Snapshot<?> snapshot : byAggregateType.getOrDefault(written.aggregateType(), List.of())) {
            snapshot.invalidate();
            refreshSafely(snapshot);
        }
    }

    /**
     * The data of a type changed (another instance's event, a replica's, a change made behind the service's back):
     * its snapshots are loaded again at once by the refreshing thread; reads get the former data until then.
     */
    public void invalidate(String aggregateType) {
        byAggregateType.getOrDefault(aggregateType, List.of()).forEach(Snapshot::invalidate);
        changed.release();
    }

    /**
     * The data of a type changed: its snapshots are loaded again now, on the caller's thread, which must hold no pooled
     * connection (a test that changed rows behind the service's back, say).
     */
    public void reloadNow(String aggregateType) {
        for (Snapshot<?> snapshot : byAggregateType.getOrDefault(aggregateType, List.of())) {
            snapshot.invalidate();
            snapshot.refresh();
        }
    }

    /** After the beans made at start ({@code @Startup}) have made their snapshots: every one is loaded now. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        all.forEach(Snapshots::refreshSafely);
        daemon("snapshots-own-events", this::watchOwnTopics);
        daemon("snapshots-refresh", this::refreshStale);
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        changed.release();
        if (watcher != null) {
            watcher.wakeup();
        }
    }

    /** Loads what is stale as soon as it is said to be, and retries what failed to load (the database away). */
    private void refreshStale() {
        while (running) {
            try {
                changed.tryAcquire(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                changed.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            for (Snapshot<?> snapshot : all) {
                if (running && snapshot.stale()) {
                    refreshSafely(snapshot);
                }
            }
        }
    }

    private static void refreshSafely(Snapshot<?> snapshot) {
        try {
            snapshot.refresh();
        } catch (RuntimeException e) {
            LOG.warnf("a snapshot could not be loaded; it is tried again shortly: %s", e.toString());
        }
    }

    /** Follows the service's own topics from their end; each record names its aggregate type in a header. */
    private void watchOwnTopics() {
        List<String> topics = new ArrayList<>(List.of(config.topic()));
        config.stateTopic().ifPresent(topics::add);
        watcher = kafka.consumer(null, applicationName + "-snapshots");
        try {
            List<TopicPartition> partitions = null;
            while (running && partitions == null) {
                try {
                    List<TopicPartition> found = new ArrayList<>();
                    for (String topic : topics) {
                        watcher.partitionsFor(topic, Duration.ofSeconds(10))
                                .forEach(info -> found.add(new TopicPartition(topic, info.partition())));
                    }
                    partitions = found;
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.debugf("own topics not reachable yet: %s", e.toString());
                    sleep();
                }
            }
            if (partitions == null) {
                return;
            }
            watcher.assign(partitions);
            watcher.seekToEnd(partitions);
            while (running) {
                try {
                    Set<String> changed = new HashSet<>();
                    for (ConsumerRecord<String, String> record : watcher.poll(Duration.ofMillis(500))) {
                        Header type = record.headers().lastHeader(OutboxRelay.AGGREGATE_TYPE_HEADER);
                        if (type != null) {
                            changed.add(new String(type.value(), StandardCharsets.UTF_8));
                        }
                    }
                    changed.forEach(this::invalidate);
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.debugf("own topics not readable just now: %s", e.toString());
                    sleep();
                }
            }
        } finally {
            watcher.close(Duration.ofSeconds(2));
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
