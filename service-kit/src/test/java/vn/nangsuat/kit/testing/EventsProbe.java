package vn.nangsuat.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic on the real broker from the moment the probe is opened, the way another service would:
 * tests write through the API, then wait here for what went out.
 */
public final class EventsProbe implements AutoCloseable {

    /** One record as it arrived: key, partition and the CloudEvent JSON. */
    public record Received(String key, int partition, long offset, JsonNode event, ConsumerRecord<String, String> record) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    private EventsProbe(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:19092"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);  // fix the starting point now, before the test writes
    }

    public static EventsProbe open(String topic) {
        return new EventsProbe(topic);
    }

    /** Waits until `count` records matching the filter have arrived; returns all matching ones in arrival order. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (received.stream().filter(filter).count() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    received.add(new Received(record.key(), record.partition(), record.offset(),
                            JSON.readTree(record.value()), record));
                } catch (Exception e) {
                    received.add(new Received(record.key(), record.partition(), record.offset(), null, record));
                }
            }
        }
        return received.stream().filter(filter).toList();
    }

    /** Every record that arrived within the period, for asserting that nothing more came. */
    public List<Received> drain(Duration period) {
        await(r -> false, 1, period);
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
