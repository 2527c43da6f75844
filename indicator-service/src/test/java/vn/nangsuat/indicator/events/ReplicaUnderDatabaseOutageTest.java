package vn.nangsuat.indicator.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.nangsuat.indicator.events.ReplicaFixtures.TOPIC;
import static vn.nangsuat.indicator.events.ReplicaFixtures.WAIT;
import static vn.nangsuat.indicator.events.ReplicaFixtures.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.DevstackSession;
import vn.nangsuat.kit.testing.EventsProbe;

/**
 * At-least-once on the real server and broker: events that arrive while the database is away are not lost to
 * the DLQ. The consumer stays on them, says it is stuck, and applies each exactly once when the database is back.
 */
@QuarkusTest
class ReplicaUnderDatabaseOutageTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    AgroalDataSource dataSource;

    private final int year = 2600 + ThreadLocalRandom.current().nextInt(0, 3000);

    @Test
    void eventsThatArriveWhileTheDatabaseIsAwayAreAppliedOnceWhenItIsBack() throws Exception {
        List<LocalDate> dates = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (EventsProbe dlq = EventsProbe.open(TOPIC + ".dlq")) {
            assertEquals(0, DevstackSession.devstack("stop-db"), "devstack stop-db");
            try {
                for (int month = 1; month <= 5; month++) {
                    LocalDate from = LocalDate.of(year, month, 1);
                    dates.add(from);
                    ids.add(ReplicaFixtures.sendState(from, "Trong Lúc Mất Điện " + month));
                }
                awaitConsumerState("stuck");
            } finally {
                assertEquals(0, DevstackSession.devstack("start-db"), "devstack start-db");
            }
            for (int i = 0; i < dates.size(); i++) {
                LocalDate from = dates.get(i);
                assertEquals("Trong Lúc Mất Điện " + (i + 1), await(() -> ReplicaFixtures.name(dataSource, from), WAIT));
                assertEquals(1, ReplicaFixtures.count(dataSource, "SELECT events_applied FROM province_replica_unit"
                        + " WHERE code = ? AND valid_from = ?", ReplicaFixtures.CODE, Date.valueOf(from)), "applied once: " + from);
            }
            var parked = dlq.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> ids.stream().anyMatch(id -> r.record().value().contains(id))).toList();
            assertTrue(parked.isEmpty(), "none of them went to the DLQ: " + parked);
            awaitConsumerState("applying");
        }
    }

    /** Waits until readiness reports the replica's consumer in a state beginning with the given word. */
    private void awaitConsumerState(String word) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String state = null;
        while (Instant.now().isBefore(deadline)) {
            // While the database is away readiness is 503 (the service cannot serve), but it still says why.
            state = given().baseUri(health.toString()).when().get("/ready").then().extract()
                    .path("checks.find { it.name == 'Events' }.data.'province-replica state'");
            if (state != null && state.startsWith(word)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the consumer never reported '" + word + "'; last: " + state);
    }
}
