package vn.nangsuat.province.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.events.OutboxRelay;

/**
 * A replica built long after the events (a new service, a rebuilt database) reads province.units whole: once the
 * outbox has been purged, that topic alone must still hold the state of every version province-service has.
 */
@QuarkusTest
class UnitStatesTest {

    private static final String BOOTSTRAP = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:19092");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void afterTheOutboxIsPurgedTheStateTopicStillHoldsEveryVersion() throws Exception {
        awaitOutboxSent();
        relay.purgeSentBefore(Instant.now().plusSeconds(1));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_event"), "the outbox is empty: nothing can be replayed from it");

        Map<String, JsonNode> latest = readWhole("province.units");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet versions = sql.executeQuery("SELECT code, valid_from, valid_to, name, row_version FROM unit_version")) {
            int checked = 0;
            while (versions.next()) {
                String key = versions.getString(1) + "/" + versions.getDate(2).toLocalDate();
                JsonNode state = latest.get(key);
                assertNotNull(state, "no state of " + key + " on province.units");
                JsonNode unit = state.path("data").path("unit");
                assertEquals(versions.getString(4), unit.path("name").asText(), key);
                assertEquals(versions.getInt(5), unit.path("revision").asInt(), key);
                assertEquals(versions.getDate(3) == null ? "null" : versions.getDate(3).toLocalDate().toString(),
                        unit.path("validTo").asText(), key);
                checked++;
            }
            assertTrue(checked > 63, "the 63 units of 2004-2025 and those of 2025 at least, checked " + checked);
        }
        JsonNode thaiNguyen = latest.get("19/2025-07-01").path("data");
        assertEquals(List.of("06", "19"), thaiNguyen.path("predecessors").findValuesAsText("code"),
                "a state carries the versions it came from");
    }

    @Test
    void theStateTopicIsCompactedSoItsRecordsAreKeptForGood() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "province.units");
            var config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
            assertEquals("compact", config.get("cleanup.policy").value());
        }
    }

    /** The latest record of each key, reading every partition from the beginning, as a new replica does. */
    private static Map<String, JsonNode> readWhole(String topic) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "late-replica-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, JsonNode> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    // The replicas' tests (run later on a developer's devstack) write unreadable records on purpose,
                    // to show they go to the DLQ: they are not province-service's, so they are not read as its states.
                    if (record.value() != null && record.value().startsWith("{")) {
                        latest.put(record.key(), JSON.readTree(record.value()));
                    }
                }
            }
        }
        return latest;
    }

    private void awaitOutboxSent() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (count("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL") > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL"), "the relay sent everything");
    }

    private long count(String query) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
