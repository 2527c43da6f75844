package vn.nangsuat.kit.cache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * `indicator`). A snapshot is invalidated right after a commit of this instance that published an event of one of
 * its types, and, for every other instance, when that event reaches it: each instance follows the service's own
 * topics from their end (no group, nothing committed). So no instance serves changed data for longer than the
 * event latency; while Kafka is away, other instances serve what they had until it is back.
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);

    private final Map<String, List<Snapshot<?>>> byAggregateType = new ConcurrentHashMap<>();
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
        for (String type : aggregateTypes) {
            byAggregateType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(snapshot);
        }
        return snapshot;
    }

    void afterLocalCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        invalidate(written.aggregateType());
    }

    /** Throws away the snapshots of a type: after its events, or after a change made behind the service's back. */
    public void invalidate(String aggregateType) {
        byAggregateType.getOrDefault(aggregateType, List.of()).forEach(Snapshot::invalidate);
    }

    void start(@Observes StartupEvent startup) {
        Thread thread = new Thread(this::watchOwnTopics, "snapshots-own-events");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (watcher != null) {
            watcher.wakeup();
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
