package vn.nangsuat.indicator.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestEvents;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;

/**
 * indicator-service's replica of the provincial units, fed through the inbox by records on the real
 * province.events topic, written here as province-service's relay writes them. Each run uses dates of its
 * own, since devstack keeps the topic and the replica across runs.
 */
@QuarkusTest
class ProvinceReplicaTest {

    private static final String SOURCE = "urn:nangsuat:province-service";
    /** A code of the tests' own; lookups are by (code, validFrom), as other runs left versions of it too. */
    private static final String CODE = "09";

    @Inject
    ProvinceReplica replica;

    @Inject
    AgroalDataSource dataSource;

    private final int year = 2600 + ThreadLocalRandom.current().nextInt(0, 3000);

    private static String created(String code, LocalDate validFrom, String name) {
        return "{\"unit\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"PROVINCE\",\"region\":\"SOUTHEAST\","
                + "\"regionDerived\":false,\"validFrom\":\"" + validFrom + "\",\"validTo\":null,\"revision\":0}}";
    }

    private static <T> T await(Supplier<Optional<T>> probe, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not seen within " + timeout);
    }

    @Test
    void aUnitAnnouncedOnProvinceEventsAppearsInTheReplica() throws Exception {
        LocalDate from = LocalDate.of(year, 1, 1);
        TestEvents.send("province.events", CODE, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                "vn.nangsuat.province.created.v1", CODE, created(CODE, from, "Tỉnh Bản Sao")));
        assertEquals("Tỉnh Bản Sao", await(() -> name(from), WAIT));
        ReplicaUnit unit = replica.unitOn(CODE, from).orElseThrow();
        assertEquals(CODE, unit.code());
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        LocalDate from = LocalDate.of(year, 2, 1);
        String id = TestEvents.newId();
        String event = TestEvents.cloudEvent(id, SOURCE, "vn.nangsuat.province.created.v1", CODE, created(CODE, from, "Một Lần"));
        TestEvents.send("province.events", CODE, event);
        TestEvents.send("province.events", CODE, event);
        // A later event on the same key (so the same partition) shows that the duplicate has been consumed.
        LocalDate marker = LocalDate.of(year, 3, 1);
        TestEvents.send("province.events", CODE, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                "vn.nangsuat.province.created.v1", CODE, created(CODE, marker, "Dấu")));
        await(() -> name(marker), WAIT);
        assertEquals(1, count("SELECT events_applied FROM province_replica_unit WHERE code = ? AND valid_from = ?",
                CODE, Date.valueOf(from)), "the version was touched by one event, not two");
        assertEquals(1, count("SELECT COUNT(*) FROM inbox_event WHERE source = ? AND event_id = ?", SOURCE, id));
    }

    @Test
    void anUnparseableEventGoesToTheDlqAndTheConsumerGoesOn() throws Exception {
        try (EventsProbe dlq = EventsProbe.open("province.events.dlq")) {
            TestEvents.send("province.events", CODE, "this is not JSON " + year);
            LocalDate after = LocalDate.of(year, 4, 1);
            TestEvents.send("province.events", CODE, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                    "vn.nangsuat.province.created.v1", CODE, created(CODE, after, "Sau Rác")));
            await(() -> name(after), WAIT);
            var parked = dlq.await(r -> r.record().value().equals("this is not JSON " + year), 1, WAIT);
            assertEquals(1, parked.size());
            String reason = new String(parked.get(0).record().headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("unparseable CloudEvent"), reason);
        }
    }

    @Test
    void anEventTheHandlerCannotApplyGoesToTheDlqAfterItsRetries() throws Exception {
        try (EventsProbe dlq = EventsProbe.open("province.events.dlq")) {
            String id = TestEvents.newId();
            TestEvents.send("province.events", CODE, TestEvents.cloudEvent(id, SOURCE,
                    "vn.nangsuat.province.created.v1", CODE, "{\"no\":\"unit\"}"));
            var parked = dlq.await(r -> r.record().value().contains(id), 1, WAIT);
            assertEquals(1, parked.size());
            String reason = new String(parked.get(0).record().headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith("failed 3 times"), reason);
            assertEquals(0, count("SELECT COUNT(*) FROM inbox_event WHERE source = ? AND event_id = ?", SOURCE, id),
                    "a failed event leaves no inbox row, so a replay after a fix would apply it");
        }
    }

    @Test
    void readinessSaysHowFarBehindTheReplicaIs() throws Exception {
        LocalDate from = LocalDate.of(year, 5, 1);
        TestEvents.send("province.events", CODE, TestEvents.cloudEvent(TestEvents.newId(), SOURCE,
                "vn.nangsuat.province.created.v1", CODE, created(CODE, from, "Sẵn Sàng")));
        await(() -> name(from), WAIT);
        Thread.sleep(1100);  // progress is measured at most once a second
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Events' }.data", hasKey("province.events eventsBehind"))
                .body("checks.find { it.name == 'Events' }.data", hasKey("outboxLagSeconds"));
    }

    /** Generous: a consumer may first have a backlog to work through (devstack keeps the topic across runs). */
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The name the replica holds for the tests' code at exactly this first day, if any. */
    private Optional<String> name(LocalDate validFrom) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT name FROM province_replica_unit WHERE code = ? AND valid_from = ?")) {
            query.setString(1, CODE);
            query.setDate(2, Date.valueOf(validFrom));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
