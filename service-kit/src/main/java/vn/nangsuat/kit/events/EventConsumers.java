package vn.nangsuat.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

/**
 * Runs one Kafka consumer (its own thread) per {@link EventHandler}. Each event is handled in a transaction
 * that also records it in the inbox; a failure is retried with backoff, then the event goes to
 * `<topic>.dlq` with the reason and the consumer goes on. Offsets are committed only after the events before
 * them are applied or parked (once per poll), so a crash redelivers, and the inbox turns redelivery into nothing.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    /** How far behind a consumer is, for readiness: events not yet applied and the time of the last one applied. */
    public record Progress(String topic, long eventsBehind, Instant lastApplied, Instant measuredAt) {
    }

    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final String applicationName;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final List<Loop> loops = Collections.synchronizedList(new ArrayList<>());

    public EventConsumers(@Any Instance<EventHandler> handlers, Inbox inbox, ObjectMapper json, EventsConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.json = json;
        this.config = config;
        this.applicationName = applicationName;
    }

    void start(@Observes StartupEvent startup) {
        for (EventHandler handler : handlers) {
            Loop loop = new Loop(handler);
            loops.add(loop);
            Thread thread = new Thread(loop, "events-" + handler.topic());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loops.forEach(Loop::stop);
    }

    public Map<String, Progress> progress() {
        return Map.copyOf(progress);
    }

    /** Applies one event in a transaction with its inbox row; false when it had been applied before. */
    boolean apply(EventHandler handler, CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(event, handler.topic())) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    private final class Loop implements Runnable {

        private final EventHandler handler;
        private final KafkaConsumer<String, String> consumer;
        private final KafkaProducer<String, String> deadLetters;
        private volatile boolean running = true;
        private Instant lastApplied;
        private Instant lastMeasured = Instant.EPOCH;

        Loop(EventHandler handler) {
            this.handler = handler;
            String clientId = applicationName + "-" + handler.topic();
            this.consumer = KafkaClients.consumer(config.bootstrapServers(), config.consumer().group(), clientId);
            this.deadLetters = KafkaClients.producer(config.bootstrapServers(), clientId + "-dlq",
                    config.outbox().sendTimeout());
        }

        void stop() {
            running = false;
            consumer.wakeup();
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(List.of(handler.topic()));
                while (running) {
                    try {
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                        try {
                            for (TopicPartition partition : records.partitions()) {
                                for (ConsumerRecord<String, String> record : records.records(partition)) {
                                    process(record);
                                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                                }
                            }
                        } finally {
                            // Once per poll: what was applied or parked is not read again; the inbox covers a crash.
                            if (!done.isEmpty()) {
                                consumer.commitSync(done);
                            }
                        }
                        measure();
                    } catch (WakeupException e) {
                        return;
                    } catch (RuntimeException e) {
                        // The broker or the database is away: start again from the last committed offsets.
                        LOG.warnf("consumer of %s will retry: %s", handler.topic(), e.toString());
                        rewind();
                        sleep(Duration.ofSeconds(1));
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } finally {
                consumer.close(Duration.ofSeconds(5));
                deadLetters.close(Duration.ofSeconds(5));
            }
        }

        private void process(ConsumerRecord<String, String> record) {
            CloudEvent event;
            try {
                event = json.readValue(record.value(), CloudEvent.class);
                if (event.id() == null || event.source() == null || event.type() == null) {
                    throw new IllegalArgumentException("id, source and type are required");
                }
            } catch (Exception e) {
                deadLetter(record, "unparseable CloudEvent: " + e.getMessage());
                return;
            }
            Duration backoff = config.consumer().backoff();
            for (int attempt = 1; ; attempt++) {
                try {
                    apply(handler, event);
                    lastApplied = Instant.now();
                    return;
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    if (attempt >= config.consumer().maxAttempts()) {
                        deadLetter(record, "failed " + attempt + " times: " + cause);
                        return;
                    }
                    LOG.debugf("event %s of %s failed (attempt %d): %s", event.id(), handler.topic(), attempt, cause);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2);
                }
            }
        }

        /** Parks the record on `<topic>.dlq`, unchanged, with why and where it came from; waits for the broker's ack. */
        private void deadLetter(ConsumerRecord<String, String> record, String reason) {
            LOG.warnf("event at %s-%d@%d goes to %s.dlq: %s", record.topic(), record.partition(), record.offset(),
                    record.topic(), reason);
            ProducerRecord<String, String> parked = new ProducerRecord<>(record.topic() + ".dlq", record.key(), record.value());
            parked.headers().add("dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
            parked.headers().add("dlq-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            parked.headers().add("dlq-original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            parked.headers().add("dlq-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            parked.headers().add("dlq-consumer-group", config.consumer().group().getBytes(StandardCharsets.UTF_8));
            try {
                deadLetters.send(parked).get(config.outbox().sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot park the event on " + record.topic() + ".dlq: " + e, e);
            }
        }

        private void rewind() {
            try {
                var assignment = consumer.assignment();
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
                for (TopicPartition partition : assignment) {
                    OffsetAndMetadata offset = committed.get(partition);
                    if (offset != null) {
                        consumer.seek(partition, offset);
                    } else {
                        consumer.seekToBeginning(List.of(partition));
                    }
                }
            } catch (RuntimeException e) {
                LOG.debugf("rewind failed, the next poll retries: %s", e.toString());
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
            progress.put(handler.topic(), new Progress(handler.topic(), behind, lastApplied, now));
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
