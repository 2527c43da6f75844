package vn.nangsuat.kit.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producers and consumers of the event backbone. They start from every `kafka.*` setting of the
 * service (Quarkus gathers them, environment variables such as `KAFKA_SECURITY_PROTOCOL` or
 * `KAFKA_SASL_JAAS_CONFIG` included), so an operator's TLS or SASL settings reach every client; on top come
 * only the settings the outbox and inbox guarantees depend on, which no operator setting may weaken.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> operatorSettings;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> operatorSettings) {
        this.operatorSettings = operatorSettings;
    }

    /**
     * acks=all with idempotence: a send is done only when the broker has it, and a retried send is not stored
     * twice; at most 5 requests in flight keeps one partition's order under retries. A send gives up after the
     * send timeout, and waits at most half of it for the broker's metadata, so a broker outage fails a relay
     * batch (retried later) instead of blocking it.
     */
    KafkaProducer<String, String> producer(String clientId, Duration sendTimeout) {
        Map<String, Object> props = new HashMap<>(operatorSettings);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        int timeout = (int) sendTimeout.toMillis();
        int requestTimeout = Math.min(timeout, 5000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, requestTimeout + 1000));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1, timeout / 2));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(props);
    }

    /**
     * Offsets are committed by hand, after the events are handled (or parked on the DLQ); a group of null
     * makes a consumer that is assigned partitions and commits nothing.
     */
    public KafkaConsumer<String, String> consumer(String group, String clientId) {
        Map<String, Object> props = new HashMap<>(operatorSettings);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }
}
