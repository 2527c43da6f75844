package vn.nangsuat.province.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.events.EventsConfig;
import vn.nangsuat.kit.testing.DevstackSession;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

/** The outbox on the real broker: Kafka taken away, writes go on, events follow once it is back. */
@QuarkusTest
class OutboxUnderOutageTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @BeforeEach
    void forgetEarlierRuns() {
        TestUnits.forget(dataSource, List.of("03", "05"));
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndExactlyTheirEventsFollowInOrderWhenItIsBack() throws Exception {
        try (EventsProbe events = EventsProbe.open("province.events")) {
            assertEquals(0, DevstackSession.devstack("stop-kafka"), "devstack stop-kafka");
            List<String> expectedOn03 = new ArrayList<>();
            try {
                String etag = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("code", "03", "name", "Tỉnh Ba", "kind", "PROVINCE", "validFrom", "2040-01-01"))
                        .when().post("/api/v1/provinces").then().statusCode(201).extract().header("ETag");
                expectedOn03.add("vn.nangsuat.province.created.v1@2040-01-01");
                for (int year = 2041; year <= 2044; year++) {
                    etag = given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                            .body(Map.of("effectiveDate", year + "-01-01", "name", "Tỉnh Ba " + year))
                            .when().post("/api/v1/provinces/03/changes").then().statusCode(200).extract().header("ETag");
                    expectedOn03.add("vn.nangsuat.province.changed.v1@" + year + "-01-01");
                }
                given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("code", "05", "name", "Tỉnh Năm", "kind", "CITY", "validFrom", "2040-01-01"))
                        .when().post("/api/v1/provinces").then().statusCode(201);
                assertTrue(unsentEvents() >= 6, "the six events wait in the outbox while Kafka is down");
                // Still ready: it answers from its database, and says where the events stand.
                awaitReadinessDetail("kafka", "unreachable");
                awaitOutboxPending(6);
                given().baseUri(health.toString()).when().get("/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'Events' }.data.outboxPending", greaterThanOrEqualTo(6));
            } finally {
                assertEquals(0, DevstackSession.devstack("start-kafka"), "devstack start-kafka");
            }

            events.await(e -> "03".equals(e.key()) || "05".equals(e.key()), 6, Duration.ofSeconds(60));
            List<EventsProbe.Received> arrived = events.drain(Duration.ofSeconds(3)).stream()
                    .filter(e -> "03".equals(e.key()) || "05".equals(e.key())).toList();
            assertEquals(6, arrived.size(), "exactly the six events, no loss and no duplicate: " + arrived);
            List<String> on03 = arrived.stream().filter(e -> "03".equals(e.key()))
                    .map(e -> e.event().path("type").asText() + "@" + validFrom(e)).toList();
            assertEquals(expectedOn03, on03, "the events of one unit arrive in the order they were committed");
            Instant deadline = Instant.now().plusSeconds(10);
            while (unsentEvents() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertEquals(0, unsentEvents(), "the outbox is empty again");
        }
    }

    /**
     * A relay batch holds the lease row, a transaction and a connection. With the broker away and its metadata
     * unknown (a topic never sent to, as after a restart during the outage), each send blocks for the metadata;
     * a batch must still end within a little over the send timeout, not after one wait per row.
     */
    @Test
    void aRelayBatchLetsGoOfItsLeaseSoonWhileTheBrokerIsAway() throws Exception {
        assertEquals(0, DevstackSession.devstack("stop-kafka"), "devstack stop-kafka");
        try {
            insertEventsForATopicNeverSeen(20);
            Thread.sleep(2_000);  // the relay's next poll (1 s) takes the lease and starts on them
            long bound = config.outbox().sendTimeout().multipliedBy(3).dividedBy(2).toSeconds() + 5;
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                sql.execute("SET SESSION innodb_lock_wait_timeout = " + bound);
                Instant asked = Instant.now();
                // Fails with a lock wait timeout when a batch holds the lease longer than the bound.
                try (ResultSet lease = sql.executeQuery("SELECT id FROM outbox_relay_lease WHERE id = 1 FOR UPDATE")) {
                    assertTrue(lease.next());
                }
                System.out.println("lease free after " + Duration.between(asked, Instant.now()).toMillis() + " ms");
                connection.rollback();
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("DELETE FROM outbox_event WHERE topic = '" + NEVER_SEEN + "'");
            }
            assertEquals(0, DevstackSession.devstack("start-kafka"), "devstack start-kafka");
        }
    }

    private static final String NEVER_SEEN = "relay.metadata-probe";

    /** Rows as the outbox writes them, for a topic that does not exist (so its metadata is never known). */
    private void insertEventsForATopicNeverSeen(int count) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, created_at)"
                        + " VALUES (?, ?, 'probe', 'probe', 'vn.nangsuat.probe.v1', '{}', ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, NEVER_SEEN);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Readiness counts the outbox every half second: waits for the count to reach the events written. */
    private void awaitOutboxPending(int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Integer pending = given().baseUri(health.toString()).when().get("/ready").then().extract()
                    .path("checks.find { it.name == 'Events' }.data.outboxPending");
            if (pending != null && pending >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private void awaitReadinessDetail(String key, String prefix) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String seen = null;
        while (Instant.now().isBefore(deadline)) {
            seen = given().baseUri(health.toString()).when().get("/ready").then().extract()
                    .path("checks.find { it.name == 'Events' }.data." + key);
            if (seen != null && seen.startsWith(prefix)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness detail " + key + " never began with '" + prefix + "': " + seen);
    }

    private static String validFrom(EventsProbe.Received received) {
        var data = received.event().path("data");
        return data.has("current") ? data.path("current").path("validFrom").asText() : data.path("unit").path("validFrom").asText();
    }

    private long unsentEvents() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL")) {
            row.next();
            return row.getLong(1);
        }
    }
}
