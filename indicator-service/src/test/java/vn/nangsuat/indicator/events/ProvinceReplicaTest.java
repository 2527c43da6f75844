package vn.nangsuat.indicator.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.nangsuat.indicator.events.ReplicaFixtures.CODE;
import static vn.nangsuat.indicator.events.ReplicaFixtures.SOURCE;
import static vn.nangsuat.indicator.events.ReplicaFixtures.TOPIC;
import static vn.nangsuat.indicator.events.ReplicaFixtures.WAIT;
import static vn.nangsuat.indicator.events.ReplicaFixtures.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestEvents;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;

/**
 * indicator-service's replica of the provincial units, fed through the inbox by records on the real
 * province.units topic, written here as province-service's relay writes them.
 */
@QuarkusTest
class ProvinceReplicaTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    ProvinceReplica replica;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecondConsumerOfUnits secondConsumer;

    private final int year = 2600 + ThreadLocalRandom.current().nextInt(0, 3000);

    @Test
    void aUnitStateOnProvinceUnitsAppearsInTheReplicaWithItsLineage() throws Exception {
        LocalDate from = LocalDate.of(year, 1, 1);
        TestEvents.send(TOPIC, CODE + "/" + from, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                "vn.nangsuat.province.unit-state.v1", CODE, ReplicaFixtures.stateData(CODE, from, "Tỉnh Bản Sao", 0,
                        "[{\"code\":\"" + CODE + "\",\"validFrom\":\"" + from.minusYears(1) + "\",\"effectiveDate\":\""
                                + from + "\",\"kind\":\"MERGE\"}]")));
        assertEquals("Tỉnh Bản Sao", await(() -> ReplicaFixtures.name(dataSource, from), WAIT));
        ReplicaUnit unit = await(() -> replica.unitOn(CODE, from), WAIT);  // loaded again once the event was applied
        assertEquals(CODE, unit.code());
        assertEquals(1, ReplicaFixtures.count(dataSource, "SELECT COUNT(*) FROM province_replica_lineage WHERE"
                + " predecessor_code = ? AND predecessor_valid_from = ? AND successor_code = ? AND successor_valid_from = ?",
                CODE, Date.valueOf(from.minusYears(1)), CODE, Date.valueOf(from)));
    }

    /** A reverted reorganisation withdraws the version it opened: the replica drops it and the lineage that led to it. */
    @Test
    void aWithdrawnStateDropsTheVersionAndItsLineage() throws Exception {
        LocalDate from = LocalDate.of(year, 6, 1);
        String lineage = "[{\"code\":\"" + CODE + "\",\"validFrom\":\"" + from.minusYears(1) + "\",\"effectiveDate\":\""
                + from + "\",\"kind\":\"MERGE\"}]";
        TestEvents.send(TOPIC, CODE + "/" + from, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                "vn.nangsuat.province.unit-state.v1", CODE, ReplicaFixtures.stateData(CODE, from, "Nhầm", 0, lineage)));
        await(() -> ReplicaFixtures.name(dataSource, from), WAIT);
        String withdrawn = ReplicaFixtures.stateData(CODE, from, "Nhầm", 1, "[]");
        TestEvents.send(TOPIC, CODE + "/" + from, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                "vn.nangsuat.province.unit-state.v1", CODE,
                withdrawn.substring(0, withdrawn.length() - 1) + ",\"withdrawn\":true}"));
        await(() -> ReplicaFixtures.name(dataSource, from).isEmpty() ? Optional.of(true) : Optional.empty(), WAIT);
        assertEquals(0, ReplicaFixtures.count(dataSource, "SELECT COUNT(*) FROM province_replica_lineage WHERE"
                + " successor_code = ? AND successor_valid_from = ?", CODE, Date.valueOf(from)), "its lineage went with it");
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        LocalDate from = LocalDate.of(year, 2, 1);
        String id = TestEvents.newId();
        String event = ReplicaFixtures.state(id, from, "Một Lần");
        TestEvents.send(TOPIC, CODE + "/" + from, event);
        TestEvents.send(TOPIC, CODE + "/" + from, event);
        // A later event on the same key (so the same partition) shows that the duplicate has been consumed.
        String marker = TestEvents.newId();
        TestEvents.send(TOPIC, CODE + "/" + from, ReplicaFixtures.state(marker, from, "Một Lần"));
        await(() -> countOptional("SELECT COUNT(*) FROM inbox_event WHERE consumer = 'province-replica' AND event_id = ?", marker),
                WAIT);
        assertEquals(2, ReplicaFixtures.count(dataSource, "SELECT events_applied FROM province_replica_unit WHERE code = ? AND valid_from = ?",
                CODE, Date.valueOf(from)), "two events touched the version, the repeated one did not");
        assertEquals(1, ReplicaFixtures.count(dataSource,
                "SELECT COUNT(*) FROM inbox_event WHERE consumer = 'province-replica' AND source = ? AND event_id = ?", SOURCE, id));
    }

    @Test
    void twoConsumersOfOneTopicEachApplyEveryEventOnce() throws Exception {
        LocalDate from = LocalDate.of(year, 3, 1);
        String id = ReplicaFixtures.sendState(from, "Hai Người Đọc");
        await(() -> ReplicaFixtures.name(dataSource, from), WAIT);
        await(() -> secondConsumer.saw(id) ? Optional.of(true) : Optional.empty(), WAIT);
        assertEquals(2, ReplicaFixtures.count(dataSource, "SELECT COUNT(*) FROM inbox_event WHERE event_id = ?"
                + " AND consumer IN ('province-replica', 'test-second-consumer')", id),
                "one inbox row per consumer: neither took the other's row for a duplicate");
    }

    @Test
    void anUnparseableEventGoesToTheDlqAndTheConsumerGoesOn() throws Exception {
        try (EventsProbe dlq = EventsProbe.open(TOPIC + ".dlq")) {
            LocalDate after = LocalDate.of(year, 4, 1);
            TestEvents.send(TOPIC, CODE + "/" + after, "this is not JSON " + year);
            ReplicaFixtures.sendState(after, "Sau Rác");
            await(() -> ReplicaFixtures.name(dataSource, after), WAIT);
            var parked = dlq.await(r -> r.record().value().equals("this is not JSON " + year) && byReplica(r), 1, WAIT);
            assertEquals(1, parked.size());
            String reason = new String(parked.get(0).record().headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("unparseable CloudEvent"), reason);
        }
    }

    @Test
    void anEventTheHandlerCanNeverApplyGoesToTheDlqAndReadinessCountsIt() throws Exception {
        try (EventsProbe dlq = EventsProbe.open(TOPIC + ".dlq")) {
            String id = TestEvents.newId();
            TestEvents.send(TOPIC, CODE + "/x", TestEvents.cloudEvent(id, SOURCE,
                    "vn.nangsuat.province.unit-state.v1", CODE, "{\"no\":\"unit\"}"));
            var parked = dlq.await(r -> r.record().value().contains(id) && byReplica(r), 1, WAIT);
            assertEquals(1, parked.size());
            String reason = new String(parked.get(0).record().headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8);
            assertEquals("cannot be applied: the event lacks data.unit", reason);
            assertEquals(0, ReplicaFixtures.count(dataSource,
                    "SELECT COUNT(*) FROM inbox_event WHERE consumer = 'province-replica' AND event_id = ?", id),
                    "a parked event leaves no inbox row, so a replay after a fix would apply it");
            // The record reaches the DLQ topic before the consumer's own transaction records it.
            await(() -> Optional.of(countDeadLettered(id)).filter(count -> count == 1), WAIT);
            // Readiness counts what was parked every half second.
            int deadLettered = await(() -> Optional.of((Integer) given().baseUri(health.toString()).when().get("/ready").then().statusCode(200)
                    .extract().path("checks.find { it.name == 'Events' }.data.'province-replica deadLettered'"))
                    .filter(count -> count >= 1), WAIT);
            assertTrue(deadLettered >= 1, "readiness says the consumer has parked events: " + deadLettered);
        }
    }

    @Test
    void readinessSaysHowFarBehindTheReplicaIsAndThatItIsApplying() throws Exception {
        LocalDate from = LocalDate.of(year, 5, 1);
        ReplicaFixtures.sendState(from, "Sẵn Sàng");
        await(() -> ReplicaFixtures.name(dataSource, from), WAIT);
        Thread.sleep(1100);  // progress is measured at most once a second
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Events' }.data", hasKey("province-replica eventsBehind"))
                .body("checks.find { it.name == 'Events' }.data.'province-replica state'", equalTo("applying"))
                .body("checks.find { it.name == 'Events' }.data", hasKey("outboxLagSeconds"));
    }

    /** The second consumer parks what it cannot read too; these tests follow the replica's. */
    private static boolean byReplica(EventsProbe.Received received) {
        var consumer = received.record().headers().lastHeader("dlq-consumer");
        return consumer != null
                && "indicator-service/province-replica".equals(new String(consumer.value(), StandardCharsets.UTF_8));
    }

    private Optional<Long> countOptional(String sql, Object... parameters) {
        try {
            long count = ReplicaFixtures.count(dataSource, sql, parameters);
            return count > 0 ? Optional.of(count) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private long countDeadLettered(String id) {
        try {
            return ReplicaFixtures.count(dataSource,
                    "SELECT COUNT(*) FROM dead_letter_event WHERE consumer = 'province-replica' AND event_id = ?", id);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
