package vn.nangsuat.indicator.events;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.nangsuat.indicator.events.ReplicaFixtures.CODE;
import static vn.nangsuat.indicator.events.ReplicaFixtures.TOPIC;
import static vn.nangsuat.indicator.events.ReplicaFixtures.WAIT;
import static vn.nangsuat.indicator.events.ReplicaFixtures.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestEvents;

/**
 * A handler with a bug that one event hits: the consumer sets that event aside once it has failed often enough while the
 * database answered (3 attempts and 2 s in tests, `events.consumer.park-after-*`), holds the later events of its key
 * behind it, applies every other key's events meanwhile, shows what waits, and after the fix a replay on the
 * management port applies the held key's events in their order. Nothing is lost.
 */
@QuarkusTest
class AnEventThatKeepsFailingTest {

    private static final String CONSUMER = "test-failing-until-fixed";

    @TestHTTPResource(value = "/events/parked", management = true)
    URL parkedEvents;

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    FailingUntilFixed handler;

    @Inject
    AgroalDataSource dataSource;

    private final int year = 2600 + ThreadLocalRandom.current().nextInt(0, 3000);

    @Test
    void itIsSetAsideItsKeyWaitsTheRestGoOnAndAReplayAfterTheFixAppliesThemInOrder() throws Exception {
        LocalDate held = LocalDate.of(year, 7, 1);
        LocalDate other = LocalDate.of(year, 8, 1);
        String before = TestEvents.newId();
        String poison = TestEvents.newId();
        String after = TestEvents.newId();
        String elsewhere = TestEvents.newId();
        handler.breaksOn(poison);
        try (EventsProbe dlq = EventsProbe.open(TOPIC + ".dlq")) {
            TestEvents.sendAll(TOPIC, CODE + "/" + held, List.of(ReplicaFixtures.state(before, held, "Trước"),
                    ReplicaFixtures.state(poison, held, "Độc"), ReplicaFixtures.state(after, held, "Sau")));
            TestEvents.send(TOPIC, CODE + "/" + other, ReplicaFixtures.state(elsewhere, other, "Nơi Khác"));

            await(() -> state(after).filter("HELD"::equals), WAIT);
            assertEquals(Optional.of("FAILING"), state(poison));
            assertTrue(reason(poison).matches("failed \\d+ times over [2-9] s .*"), "3 attempts at least, over 2 s at least: "
                    + reason(poison));
            assertTrue(reason(poison).contains("while the database answered; last: java.lang.IllegalStateException: a bug"
                    + " this event hits"), reason(poison));
            assertEquals("held behind event " + poison + ", set aside earlier on the same key", reason(after));
            await(() -> handler.appliedOf(List.of(elsewhere)).isEmpty() ? Optional.empty() : Optional.of(true), WAIT);
            assertEquals(List.of(before), handler.appliedOf(List.of(before, poison, after)),
                    "the key's first event applied, the other two wait");

            var parked = dlq.await(r -> r.record().value().contains(poison), 1, WAIT).get(0).record();
            assertEquals("FAILING", new String(parked.headers().lastHeader("dlq-state").value(), StandardCharsets.UTF_8));
            assertTrue(dlq.drain(java.time.Duration.ofSeconds(1)).stream().noneMatch(r -> r.record().value().contains(after)),
                    "a held event is no failure: it is not on the DLQ");
        }

        await(() -> Optional.ofNullable((String) given().baseUri(health.toString()).when().get("/ready").then()
                .statusCode(200).extract().path("checks.find { it.name == 'Events' }.data.'" + CONSUMER + " waitingForReplay'"))
                .filter(detail -> detail.contains(poison + " (FAILING)")), WAIT);
        given().baseUri(parkedEvents.toString()).queryParam("consumer", CONSUMER)
                .when().get()
                .then().statusCode(200)
                .body("findAll { it.eventId in ['" + poison + "', '" + after + "'] }.state", contains("FAILING", "HELD"))
                .body("find { it.eventId == '" + poison + "' }.payload", nullValue());

        // A replay before the fix stops at the event that fails again; nothing behind it moves.
        given().baseUri(parkedEvents.toString()).queryParam("consumer", CONSUMER)
                .when().post("/replay")
                .then().statusCode(200)
                .body("applied", not(hasItem(poison)))
                .body("stillWaiting.find { it.eventId == '" + poison + "' }.reason", startsWith("failed again on replay"));
        assertEquals(List.of(before), handler.appliedOf(List.of(before, poison, after)));

        handler.fix();
        given().baseUri(parkedEvents.toString()).queryParam("consumer", CONSUMER)
                .when().post("/replay")
                .then().statusCode(200)
                .body("consumer", equalTo(CONSUMER))
                .body("applied", hasItems(poison, after))
                .body("stillWaiting", hasSize(0));
        assertEquals(List.of(before, poison, after), handler.appliedOf(List.of(before, poison, after)),
                "each event once, in the key's order");
        assertEquals(Optional.of("REPLAYED"), state(after));

        String next = TestEvents.newId();
        TestEvents.send(TOPIC, CODE + "/" + held, ReplicaFixtures.state(next, held, "Tiếp"));
        await(() -> handler.appliedOf(List.of(next)).isEmpty() ? Optional.empty() : Optional.of(true), WAIT);
        assertEquals(Optional.empty(), state(next), "the key is free again: its next event applies at once");
    }

    @Test
    void aReplayNamesItsConsumer() {
        given().baseUri(parkedEvents.toString())
                .when().post("/replay")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("consumer"));
        given().baseUri(parkedEvents.toString()).queryParam("consumer", "no-such-consumer")
                .when().post("/replay")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("this service has no consumer named no-such-consumer"));
    }

    private Optional<String> state(String eventId) {
        return column("state", eventId);
    }

    private String reason(String eventId) {
        return column("reason", eventId).orElse("");
    }

    private Optional<String> column(String column, String eventId) {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("SELECT " + column + " FROM dead_letter_event WHERE consumer = ?"
                        + " AND event_id = ?")) {
            query.setString(1, CONSUMER);
            query.setString(2, eventId);
            try (var row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
