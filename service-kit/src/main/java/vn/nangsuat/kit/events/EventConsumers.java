package vn.nangsuat.kit.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import vn.nangsuat.kit.web.RequestIds;

/**
 * Runs one Kafka consumer (its own thread) per {@link EventHandler}. Each event is handled in a transaction
 * that also records it in the consumer's inbox. An event that can never be applied goes to `<topic>.dlq` with
 * the reason (REFUSED, {@link ParkedEvents}); any other failure leaves the event where it is: the consumer goes back
 * to it and retries, backing off, and reports itself stuck meanwhile. An outage (the database away, a lock timeout)
 * is retried for as long as it lasts; an event that keeps failing while the database answers is set aside
 * ({@link RepeatedFailures}: FAILING, on the DLQ too) and the later events of its key are HELD behind it, so the
 * partition moves on and the key keeps its order. {@link #replay} applies them after a fix. So nothing valid is
 * ever lost, and one aggregate's events apply in order.
 * Offsets are committed once per poll, after the events before them are applied or parked; the inbox turns a
 * redelivery after a crash into nothing. A poll's events of one partition are applied up to {@link #APPLIED_TOGETHER}
 * in one transaction (the handler may apply them together), and one by one when any of them fails.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final Pattern CONSUMER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** Events of one partition applied in one transaction at most (see {@code applyTogether}). */
    static final int APPLIED_TOGETHER = 100;

    /** A consumer that keeps failing at one event it may yet apply: since when, how often, and why. */
    public record Stuck(Instant since, int attempts, String lastError) {
    }

    /** How a consumer is doing, for readiness: events not yet applied, the last one applied, and whether it is stuck. */
    public record Progress(String consumer, String topic, long eventsBehind, Instant lastApplied, Instant measuredAt,
            Stuck stuck) {
    }

    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final ParkedEvents parked;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final KafkaClients kafka;
    private final EventTracing tracing;
    private final String applicationName;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final List<Loop> loops = Collections.synchronizedList(new ArrayList<>());

    public EventConsumers(@Any Instance<EventHandler> handlers, Inbox inbox, ParkedEvents parked, ObjectMapper json,
            EventsConfig config, KafkaClients kafka, EventTracing tracing,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.parked = parked;
        this.json = json;
        this.config = config;
        this.kafka = kafka;
        this.tracing = tracing;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent startup) {
        List<EventHandler> all = handlers.stream().toList();
        checkHandlers(all);
        for (EventHandler handler : all) {
            Loop loop = new Loop(handler);
            loops.add(loop);
            Thread thread = new Thread(loop, "events-" + handler.consumer());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loops.forEach(Loop::stop);
    }

    /** Refuses, at start-up, handlers that cannot work side by side: nameless, or two with one name. */
    static void checkHandlers(List<EventHandler> handlers) {
        List<String> faults = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (EventHandler handler : handlers) {
            String name = handler.consumer();
            String topic = handler.topic();
            if (name == null || !CONSUMER_NAME.matcher(name).matches()) {
                faults.add(handler.getClass().getName() + " needs a consumer name of 1 to 100 of A-Z a-z 0-9 . _ -, not "
                        + (name == null ? "none" : "'" + name + "'"));
            } else if (!names.add(name)) {
                faults.add("two handlers are named consumer '" + name + "': their inbox rows and groups would mix");
            }
            if (topic == null || topic.isBlank()) {
                faults.add("consumer " + name + " names no topic");
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("event handlers that cannot work: " + String.join("; ", faults));
        }
    }

    public Map<String, Progress> progress() {
        return Map.copyOf(progress);
    }

    /** What a replay did: the events it applied, in order, and those still waiting (one failed again, or its key's). */
    public record Replay(String consumer, List<String> applied, List<ParkedEvents.Parked> stillWaiting) {
    }

    /**
     * Applies again, after a fix, the events the consumer set aside as FAILING and those HELD behind them: key by key,
     * in the order they were read, each in a transaction with its inbox row that locks what still waits of its key.
     * A key stops at an event that fails again (FAILING once more, with the new reason); the others go on. While a key
     * waits the consumer holds its new events behind it (appended, so this replay takes them too), and once its last
     * one is applied the next new event applies after them.
     *
     * @throws IllegalArgumentException when this service has no consumer of that name
     */
    public Replay replay(String consumerName) throws SQLException {
        EventHandler handler = handlers.stream().filter(one -> one.consumer().equals(consumerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this service has no consumer named " + consumerName));
        List<String> applied = new ArrayList<>();
        Set<String> keysDone = new HashSet<>();
        for (ParkedEvents.Parked first : parked.waiting(consumerName)) {
            String key = first.topic() + ' ' + (first.key() != null ? first.key() : first.partition() + "@" + first.offset());
            if (keysDone.add(key)) {
                replayKey(handler, first, applied);
            }
        }
        return new Replay(consumerName, applied, parked.waiting(consumerName).stream().map(ParkedEvents.Parked::summary)
                .toList());
    }

    /** One key's waiting events, one transaction each, in order, until none waits or one fails again. */
    private void replayKey(EventHandler handler, ParkedEvents.Parked first, List<String> applied) throws SQLException {
        AtomicReference<ParkedEvents.Parked> current = new AtomicReference<>();
        while (true) {
            CloudEvent event;
            try {
                event = QuarkusTransaction.requiringNew().call(() -> replayNext(handler, first, current));
            } catch (RuntimeException e) {
                ParkedEvents.Parked failed = current.get();
                if (failed == null) {
                    throw e;  // the database did not answer: nothing changed
                }
                LOG.warnf("replay of %s's event %s stops its key: %s", handler.consumer(), failed.eventId(), e.toString());
                parked.replayed(failed, "failed again on replay: " + reason(e));
                return;
            }
            if (event == null) {
                return;
            }
            applied.add(event.id());
            handler.applied(event);
        }
    }

    /**
     * In the caller's transaction, which locks what waits of the key: its first event applied with its inbox row and
     * marked REPLAYED; null when none waits.
     */
    private CloudEvent replayNext(EventHandler handler, ParkedEvents.Parked first,
            AtomicReference<ParkedEvents.Parked> current) throws Exception {
        current.set(null);
        List<ParkedEvents.Parked> waiting = parked.lockWaiting(first);
        if (waiting.isEmpty()) {
            return null;
        }
        current.set(waiting.get(0));
        CloudEvent event = json.readValue(waiting.get(0).payload(), CloudEvent.class);
        applyHere(handler, event);
        parked.replayed(waiting.get(0), null);
        return event;
    }

    /** Applies one event with its inbox row in the caller's transaction; false when this consumer had applied it. */
    private boolean applyHere(EventHandler handler, CloudEvent event) throws Exception {
        if (!inbox.firstDelivery(handler.consumer(), event, handler.topic())) {
            return false;
        }
        handler.handle(event);
        LOG.debugf("consumer %s applied %s %s", handler.consumer(), event.type(), event.id());
        return true;
    }

    /**
     * Runs the work in the context the events carry: the trace they continue (a consumer span, {@link EventTracing}) and
     * the request id they share (an import's series), none when they carry several. The consumer's log lines name the id,
     * and the events its handling publishes carry both on, so one change can be followed from the caller through every
     * service.
     */
    private <T> T inContextOf(EventHandler handler, List<CloudEvent> events, Supplier<T> work) {
        Span span = tracing.applying(handler.consumer(), handler.topic(), events);
        String requestId = sharedRequestId(events);
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, requestId);
        }
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            span.end();
        }
    }

    private static String sharedRequestId(List<CloudEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.requestid()));
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** The record as a CloudEvent; refused when it is not JSON or lacks id, source or type. */
    private CloudEvent read(ConsumerRecord<String, String> record) throws Exception {
        CloudEvent event = json.readValue(record.value(), CloudEvent.class);
        if (event.id() == null || event.source() == null || event.type() == null) {
            throw new IllegalArgumentException("id, source and type are required");
        }
        return event;
    }

    /**
     * Whether a failure says the event can never be applied: the handler said so, its data cannot be read, or
     * the database refuses the data itself (SQL states 22 and 23). Anything else may pass: retry.
     */
    static boolean canNeverApply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusableEvent || cause instanceof JacksonException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusableEvent || cause instanceof JacksonException || cause instanceof SQLException) {
                return cause.getMessage();
            }
        }
        return failure.toString();
    }

    /** An event that failed but may yet apply: the consumer goes back to it. */
    private static final class MayYetApply extends RuntimeException {
        MayYetApply(Throwable cause) {
            super(cause);
        }
    }

    private final class Loop implements Runnable {

        private final EventHandler handler;
        private final boolean wholeTopic;
        private final String group;
        private final KafkaConsumer<String, String> consumer;
        private final KafkaProducer<String, String> deadLetters;
        private volatile boolean running = true;
        private boolean assigned;
        private Instant lastApplied;
        private Instant lastMeasured = Instant.EPOCH;
        private Stuck stuck;
        private Duration backoff;
        private final RepeatedFailures failures = new RepeatedFailures(config.consumer().parkAfterAttempts(),
                config.consumer().parkAfter(), Clock.systemUTC());

        Loop(EventHandler handler) {
            this.handler = handler;
            this.wholeTopic = handler.reading() == EventHandler.Reading.WHOLE_TOPIC_ON_START;
            this.group = wholeTopic ? null : config.consumer().groupPrefix() + "." + handler.consumer();
            String clientId = applicationName + "-" + handler.consumer();
            this.consumer = kafka.consumer(group, clientId);
            this.deadLetters = kafka.producer(clientId + "-dlq", config.outbox().sendTimeout());
            this.backoff = config.consumer().backoff();
        }

        void stop() {
            running = false;
            consumer.wakeup();
        }

        @Override
        public void run() {
            try {
                while (running) {
                    try {
                        assignOnce();
                        pollOnce();
                        measure();
                    } catch (WakeupException e) {
                        return;
                    } catch (RuntimeException e) {
                        // The broker is away (a poll, a commit or a measurement failed): what was applied stays applied.
                        LOG.warnf("consumer %s of %s will retry: %s", handler.consumer(), handler.topic(), e.toString());
                        sleep(Duration.ofSeconds(1));
                    }
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
                deadLetters.close(Duration.ofSeconds(5));
            }
        }

        private void assignOnce() {
            if (assigned) {
                return;
            }
            if (wholeTopic) {
                List<TopicPartition> partitions = consumer.partitionsFor(handler.topic(), Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(handler.topic(), info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            } else {
                consumer.subscribe(List.of(handler.topic()));
            }
            assigned = true;
        }

        private void pollOnce() {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            MayYetApply failure = null;
            try {
                polled:
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, String>> polledHere = records.records(partition);
                    for (int from = 0; from < polledHere.size(); from += APPLIED_TOGETHER) {
                        List<ConsumerRecord<String, String>> chunk = polledHere.subList(from,
                                Math.min(polledHere.size(), from + APPLIED_TOGETHER));
                        if (chunk.size() > 1 && applyTogether(chunk)) {
                            done.put(partition, new OffsetAndMetadata(chunk.get(chunk.size() - 1).offset() + 1));
                            continue;
                        }
                        for (ConsumerRecord<String, String> record : chunk) {
                            try {
                                process(record);
                            } catch (MayYetApply e) {
                                failure = e;
                                goBackTo(records, done);
                                break polled;
                            }
                            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        }
                    }
                }
            } finally {
                if (group != null && !done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            if (failure != null) {
                Throwable cause = failure.getCause();
                stuck = new Stuck(stuck == null ? Instant.now() : stuck.since(), stuck == null ? 1 : stuck.attempts() + 1,
                        cause.toString());
                LOG.warnf("consumer %s of %s is stuck (attempt %d, retry in %d ms): %s", handler.consumer(),
                        handler.topic(), stuck.attempts(), backoff.toMillis(), cause);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.consumer().maxBackoff()) > 0
                        ? config.consumer().maxBackoff() : backoff.multipliedBy(2);
            } else if (!done.isEmpty()) {
                if (stuck != null) {
                    LOG.infof("consumer %s of %s goes on after %d attempts", handler.consumer(), handler.topic(),
                            stuck.attempts());
                }
                stuck = null;
                backoff = config.consumer().backoff();
            }
        }

        /** Sets every polled partition back to its first record not yet applied, so the next poll starts there. */
        private void goBackTo(ConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> done) {
            for (TopicPartition partition : records.partitions()) {
                OffsetAndMetadata applied = done.get(partition);
                consumer.seek(partition, applied != null ? applied.offset() : records.records(partition).get(0).offset());
            }
        }

        /**
         * The events of a partition's chunk in one transaction, their inbox rows in one statement, given to the handler
         * together ({@link EventHandler#handleAll}) in order: an import's thousands of series events cost a commit and a
         * few statements per chunk, not each. False, with nothing applied, when any of them cannot be
         * read or fails: the chunk is then taken one event at a time, where a failure is parked or retried as ever.
         */
        private boolean applyTogether(List<ConsumerRecord<String, String>> chunk) {
            List<CloudEvent> events = new ArrayList<>();
            for (ConsumerRecord<String, String> record : chunk) {
                try {
                    events.add(read(record));
                } catch (Exception e) {
                    return false;
                }
            }
            List<String> keys = chunk.stream().map(ConsumerRecord::key).toList();
            try {
                boolean allApplied = inContextOf(handler, events, () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!parked.waitingKeys(handler.consumer(), handler.topic(), keys).isEmpty()) {
                        return false;  // some are held behind an event set aside: one by one, they are
                    }
                    handler.handleAll(inbox.firstDeliveries(handler.consumer(), events, handler.topic()));
                    return true;
                }));
                if (!allApplied) {
                    return false;
                }
            } catch (RuntimeException e) {
                LOG.debugf("consumer %s takes %d events one by one: %s", handler.consumer(), events.size(), e.toString());
                return false;
            }
            failures.clear();
            lastApplied = Instant.now();
            events.forEach(handler::applied);
            return true;
        }

        private void process(ConsumerRecord<String, String> record) {
            CloudEvent event;
            try {
                event = read(record);
            } catch (Exception e) {
                park(record, null, ParkedEvents.State.REFUSED, "unparseable CloudEvent: " + e.getMessage());
                return;
            }
            try {
                boolean held = applyUnlessHeld(record, event);
                failures.clear();
                if (!held) {
                    lastApplied = Instant.now();
                    handler.applied(event);
                }
            } catch (RuntimeException e) {
                if (canNeverApply(e)) {
                    park(record, event.id(), ParkedEvents.State.REFUSED, "cannot be applied: " + reason(e));
                } else if (failures.givesUp(record.topic() + "-" + record.partition() + "@" + record.offset(), e,
                        parked::databaseAnswers)) {
                    park(record, event.id(), ParkedEvents.State.FAILING, failures.history() + " while the database"
                            + " answered; last: " + e);
                    failures.clear();
                } else {
                    throw new MayYetApply(e);
                }
            }
        }

        /**
         * Applies the event with its inbox row in a transaction of its own, unless an earlier event of its key waits for a replay: then it is
         * recorded as HELD behind it, in the same transaction as the check, and true is returned.
         */
        private boolean applyUnlessHeld(ConsumerRecord<String, String> record, CloudEvent event) {
            return inContextOf(handler, List.of(event), () -> QuarkusTransaction.requiringNew().call(() -> {
                String behind = parked.waitingKeys(handler.consumer(), handler.topic(), Collections.singletonList(record.key()))
                        .get(record.key());
                if (behind != null) {
                    LOG.infof("consumer %s holds event %s behind %s, set aside on its key %s", handler.consumer(),
                            event.id(), behind, record.key());
                    parked.record(parked(record, event.id(), ParkedEvents.State.HELD, "held behind event " + behind
                            + ", set aside earlier on the same key"));
                    return true;
                }
                applyHere(handler, event);
                return false;
            }));
        }

        private ParkedEvents.Parked parked(ConsumerRecord<String, String> record, String eventId, ParkedEvents.State state,
                String reason) {
            return new ParkedEvents.Parked(handler.consumer(), record.topic(), record.partition(), record.offset(), eventId,
                    record.key(), state, reason, Instant.now(), record.value());
        }

        /**
         * Puts the record, unchanged, on `<topic>.dlq` with why and where it came from, waits for the broker's ack,
         * then records it as set aside in that state, with its value for a replay; if either fails, the consumer comes
         * back to it. A record parked before (a
         * topic read whole again at start) is not parked twice.
         */
        private void park(ConsumerRecord<String, String> record, String eventId, ParkedEvents.State state, String reason) {
            ProducerRecord<String, String> dlqRecord = new ProducerRecord<>(record.topic() + ".dlq", record.key(), record.value());
            dlqRecord.headers().add("dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
            dlqRecord.headers().add("dlq-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            dlqRecord.headers().add("dlq-original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            dlqRecord.headers().add("dlq-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            dlqRecord.headers().add("dlq-consumer", (applicationName + "/" + handler.consumer()).getBytes(StandardCharsets.UTF_8));
            dlqRecord.headers().add("dlq-state", state.name().getBytes(StandardCharsets.UTF_8));
            try {
                if (parked.wasParked(handler.consumer(), record.topic(), record.partition(), record.offset())) {
                    return;
                }
                LOG.warnf("event at %s-%d@%d goes to %s.dlq: %s", record.topic(), record.partition(), record.offset(),
                        record.topic(), reason);
                deadLetters.send(dlqRecord).get(config.outbox().sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                parked.record(parked(record, eventId, state, reason));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MayYetApply(e);
            } catch (Exception e) {
                throw new MayYetApply(e);
            }
        }

        /** Events behind: the end of each assigned partition minus this consumer's position; at most once a second. */
        private void measure() {
            Instant now = Instant.now();
            if (Duration.between(lastMeasured, now).toMillis() < 1000) {
                return;
            }
            lastMeasured = now;
            var assignment = consumer.assignment();
            long behind = 0;
            if (!assignment.isEmpty()) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(assignment, Duration.ofSeconds(2));
                for (TopicPartition partition : assignment) {
                    behind += Math.max(0, ends.getOrDefault(partition, 0L) - consumer.position(partition));
                }
            }
            progress.put(handler.consumer(), new Progress(handler.consumer(), handler.topic(), behind, lastApplied, now, stuck));
        }

        private void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
