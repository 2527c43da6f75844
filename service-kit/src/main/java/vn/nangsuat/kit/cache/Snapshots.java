package vn.nangsuat.kit.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 * Makes and keeps the service's {@link Snapshot}s and {@link ReadModel}s, each resting on aggregate types of its own
 * data (`province`, `indicator`, `plan`) or of a replica it keeps. Every snapshot is loaded at start; a read model's
 * answer the first time its key is read. One refreshing thread computes again whatever a change made stale, so work
 * is coalesced: ten changes while a national picture is computed cost one more computation, not ten.
 * <p>
 * A commit of this instance that published an event of a type marks what rests on it stale; a request that made such
 * commits waits before answering (at most {@link #READ_OWN_WRITE_WAIT}) for the refresher to pass once more, so its
 * client reads its own write. A replica's change marks it stale once applied ({@link #invalidate}, from the handler's
 * {@code applied}); other instances' events reach this one through its own topics, followed from their end (no group,
 * nothing committed). So nothing is served stale for longer than the event latency and one computation; a load that
 * failed is tried again every {@code RETRY}. A request thread never loads but what was never loaded, so it never needs
 * a second pooled connection.
 */
@ApplicationScoped
public class Snapshots {

    private static final Logger LOG = Logger.getLogger(Snapshots.class);

    private static final Duration RETRY = Duration.ofMillis(500);
    /** The latest pass a request's commits on this thread asked for, until its answer goes. */
    private static final ThreadLocal<Long> OWN_WRITES = new ThreadLocal<>();
    /** How long a commit answering a client waits for what rests on it to be computed again. */
    static final Duration READ_OWN_WRITE_WAIT = Duration.ofSeconds(2);
    /** Keys a read model holds at most, and how long one unread is kept. */
    static final int MAX_KEYS = 2_000;
    static final Duration IDLE = Duration.ofMinutes(10);

    /** Something kept current: a snapshot or a read model. */
    private record Kept(String name, Invalidation invalidate, Runnable refreshStale, Supplier<ReadModel.State> state) {
    }

    /** Aggregates of a type changed (ids null: which is not known, so all of them). */
    private interface Invalidation {
        void of(String aggregateType, Collection<String> aggregateIds);
    }

    private final Map<String, List<Kept>> byAggregateType = new ConcurrentHashMap<>();
    /** Snapshots first, then read models: a pass loads the data a read model may be computed from before it. */
    private final List<Kept> snapshotsThenReadModels = new CopyOnWriteArrayList<>();
    private volatile int snapshotCount;
    private final Semaphore changed = new Semaphore(0);
    /** Passes asked for, and the last asked for that one completed pass covered. */
    private final AtomicLong passesAsked = new AtomicLong();
    private long passesDone;
    private final Object passLock = new Object();
    private final EventsConfig config;
    private final KafkaClients kafka;
    private final ObjectMapper json;
    private final String applicationName;
    private volatile boolean running = true;
    private volatile boolean refreshing;
    private KafkaConsumer<String, String> watcher;

    public Snapshots(EventsConfig config, KafkaClients kafka, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.kafka = kafka;
        this.json = json;
        this.applicationName = applicationName;
    }

    /** A snapshot loaded by the loader in a read transaction of its own, loaded again when those types change. */
    public synchronized <T> Snapshot<T> of(String name, Supplier<T> loader, String... aggregateTypes) {
        Snapshot<T> snapshot = new Snapshot<>(() -> QuarkusTransaction.requiringNew().call(loader::get));
        Kept kept = new Kept(name, (type, ids) -> snapshot.invalidate(), snapshot::refresh,
                () -> new ReadModel.State(snapshot.loaded() ? 1 : 0, snapshot.stale() ? 1 : 0, snapshot.behind()));
        snapshotsThenReadModels.add(snapshotCount++, kept);
        follow(kept, aggregateTypes);
        return snapshot;
    }

    /**
     * A read model: answers computed per key by {@code compute} in a read transaction of their own, held with an ETag
     * over their JSON, computed again when those types change.
     */
    public <K, V> ReadModel<K, V> readModel(String name, Function<K, V> compute, String... aggregateTypes) {
        return readModel(name, compute, ReadModel.RestsOn.EVERYTHING, aggregateTypes);
    }

    /**
     * A read model whose answers each rest on some aggregates of those types only ({@code restsOn}): a change of
     * another (a value of another indicator) leaves them be. Another instance's change and a replica's are taken as
     * resting on everything when the ids are not known.
     */
    public synchronized <K, V> ReadModel<K, V> readModel(String name, Function<K, V> compute,
            ReadModel.RestsOn<? super K> restsOn, String... aggregateTypes) {
        ReadModel<K, V> model = new ReadModel<>(name, key -> new ReadModel.Answer<>(QuarkusTransaction.requiringNew()
                .call(() -> compute.apply(key)), this::render), restsOn, MAX_KEYS, IDLE);
        Kept kept = new Kept(name, model::invalidate, model::refreshStale, model::state);
        snapshotsThenReadModels.add(kept);
        follow(kept, aggregateTypes);
        return model;
    }

    private void follow(Kept kept, String... aggregateTypes) {
        for (String type : aggregateTypes) {
            byAggregateType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(kept);
        }
    }

    private byte[] render(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of a read model cannot be written as JSON", e);
        }
    }

    /**
     * After this instance's commit that published events of a type: what rests on it is computed again. A request's
     * answer waits for that ({@link ReadOwnWrites}), once for all its commits, so its client reads its own write; an
     * event consumer does not wait: it goes on with the next event.
     */
    void afterLocalCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        invalidateOnly(written.aggregateType(), written.aggregateIds());
        long pass = askForPass();
        // Not while the service starts (its seeds commit before the refresher runs; no client waits on them).
        if (refreshing && Arc.container().requestContext().isActive()) {
            OWN_WRITES.set(pass);
        }
    }

    /**
     * Waits (at most {@link #READ_OWN_WRITE_WAIT}) until every change announced so far is computed again: for a request
     * that answers for work another thread committed (an import's job), so its client reads what it committed.
     */
    public void awaitChangesSoFar() {
        if (refreshing) {
            awaitPass(passesAsked.get(), READ_OWN_WRITE_WAIT);
        }
    }

    /** Waits (at most {@link #READ_OWN_WRITE_WAIT}) for what this thread's request committed to be computed again. */
    void awaitOwnWrites() {
        Long pass = OWN_WRITES.get();
        if (pass != null) {
            OWN_WRITES.remove();
            awaitPass(pass, READ_OWN_WRITE_WAIT);
        }
    }

    /**
     * The data of a type changed (another instance's event, a replica's, a change made behind the service's back):
     * what rests on it is computed again at once by the refreshing thread; reads get the former answers until then.
     */
    public void invalidate(String aggregateType) {
        invalidate(aggregateType, null);
    }

    /** The aggregates of a type with these ids changed (null: which is not known): as {@link #invalidate(String)}. */
    public void invalidate(String aggregateType, Collection<String> aggregateIds) {
        invalidateOnly(aggregateType, aggregateIds);
        askForPass();
    }

    private void invalidateOnly(String aggregateType, Collection<String> aggregateIds) {
        byAggregateType.getOrDefault(aggregateType, List.of()).forEach(kept -> kept.invalidate().of(aggregateType,
                aggregateIds));
    }

    /**
     * The data of a type changed: what rests on it is computed again before this returns (a test that changed rows
     * behind the service's back, say). The caller must hold no pooled connection.
     */
    public void reloadNow(String aggregateType) {
        invalidateOnly(aggregateType, null);
        awaitPass(askForPass(), Duration.ofSeconds(30));
    }

    /** What each snapshot and read model holds and how far behind it is, by name. */
    public Map<String, ReadModel.State> states() {
        Map<String, ReadModel.State> states = new TreeMap<>();
        snapshotsThenReadModels.forEach(kept -> states.merge(kept.name(), kept.state().get(), (one, other) -> new ReadModel.State(
                one.held() + other.held(), one.stale() + other.stale(),
                one.behind().compareTo(other.behind()) > 0 ? one.behind() : other.behind())));
        return states;
    }

    private long askForPass() {
        long pass = passesAsked.incrementAndGet();
        changed.release();
        return pass;
    }

    private void awaitPass(long pass, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        synchronized (passLock) {
            while (passesDone < pass && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(passLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** After the beans made at start ({@code @Startup}) have made their snapshots: every one is loaded now. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent startup) {
        snapshotsThenReadModels.forEach(Snapshots::refreshSafely);
        daemon("snapshots-own-events", this::watchOwnTopics);
        daemon("snapshots-refresh", this::refreshStale);
        refreshing = true;
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        changed.release();
        synchronized (passLock) {
            passLock.notifyAll();
        }
        if (watcher != null) {
            watcher.wakeup();
        }
    }

    /**
     * Computes what is stale as soon as it is said to be, and again every {@code RETRY} (what failed to load, keys
     * gone idle). Each pass covers every change asked for before it started.
     */
    private void refreshStale() {
        while (running) {
            try {
                changed.tryAcquire(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                changed.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            long pass = passesAsked.get();
            List<Kept> kept = snapshotsThenReadModels;
            for (int next = 0; next < kept.size() && running; next++) {
                if (next >= snapshotCount) {
                    // A snapshot that changed meanwhile goes first: read models are computed from it, and it is cheap.
                    kept.subList(0, snapshotCount).forEach(Snapshots::refreshSafely);
                }
                refreshSafely(kept.get(next));
            }
            synchronized (passLock) {
                passesDone = Math.max(passesDone, pass);
                passLock.notifyAll();
            }
        }
    }

    private static void refreshSafely(Kept kept) {
        try {
            kept.refreshStale().run();
        } catch (RuntimeException e) {
            LOG.warnf("%s could not be loaded; it is tried again shortly: %s", kept.name(), e.toString());
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
                    // By type, the ids of the aggregates changed (each record's key), or null when one had none.
                    Map<String, Set<String>> changed = new HashMap<>();
                    for (ConsumerRecord<String, String> record : watcher.poll(Duration.ofMillis(500))) {
                        Header type = record.headers().lastHeader(OutboxRelay.AGGREGATE_TYPE_HEADER);
                        if (type != null) {
                            String name = new String(type.value(), StandardCharsets.UTF_8);
                            if (record.key() == null) {
                                changed.put(name, null);
                            } else if (!changed.containsKey(name) || changed.get(name) != null) {
                                changed.computeIfAbsent(name, n -> new HashSet<>()).add(record.key());
                            }
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
