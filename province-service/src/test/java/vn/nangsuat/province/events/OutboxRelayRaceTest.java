package vn.nangsuat.province.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.events.OutboxRelay;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

/**
 * Several instances of a service share one outbox table. Two extra relays drain it in tight loops while the
 * service writes, as two more instances would: the lease lets one send at a time, so every event leaves once,
 * in commit order.
 */
@QuarkusTest
class OutboxRelayRaceTest {

    private static final String CODE = "21";
    private static final int CHANGES = 19;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @BeforeEach
    void forgetEarlierRuns() {
        TestUnits.forget(dataSource, List.of(CODE));
    }

    @Test
    void relaysRacingForTheOutboxSendEachEventOnceAndInOrder() throws Exception {
        try (EventsProbe events = EventsProbe.open("province.events")) {
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService otherInstances = Executors.newFixedThreadPool(2);
            List<Future<Integer>> drained = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                drained.add(otherInstances.submit(() -> {
                    int sent = 0;
                    while (writing.get()) {
                        sent += relay.drain();
                        Thread.sleep(2);
                    }
                    return sent;
                }));
            }

            List<String> expected = new ArrayList<>();
            try {
                String etag = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("code", CODE, "name", "Tỉnh Hai Mốt", "kind", "PROVINCE", "validFrom", "2040-01-01"))
                        .when().post("/api/v1/provinces").then().statusCode(201).extract().header("ETag");
                expected.add("2040-01-01");
                for (int i = 1; i <= CHANGES; i++) {
                    String effective = (2040 + i) + "-01-01";
                    etag = given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                            .body(Map.of("effectiveDate", effective, "name", "Tỉnh Hai Mốt " + i))
                            .when().post("/api/v1/provinces/" + CODE + "/changes").then().statusCode(200)
                            .extract().header("ETag");
                    expected.add(effective);
                }
            } finally {
                writing.set(false);
                otherInstances.shutdown();
                assertTrue(otherInstances.awaitTermination(30, TimeUnit.SECONDS), "the extra relays stop");
            }
            int sentByOthers = 0;
            for (Future<Integer> each : drained) {
                sentByOthers += each.get();
            }

            events.await(e -> CODE.equals(e.key()), expected.size(), Duration.ofSeconds(30));
            List<EventsProbe.Received> arrived = events.drain(Duration.ofSeconds(2)).stream()
                    .filter(e -> CODE.equals(e.key())).toList();
            List<String> arrivedVersions = arrived.stream().map(OutboxRelayRaceTest::validFrom).toList();
            assertEquals(expected.size(), arrived.size(), "each event once, though three relays ran: " + arrivedVersions);
            assertEquals(expected.size(), new HashSet<>(arrived.stream().map(e -> e.event().path("id").asText()).toList())
                    .size(), "no event id twice");
            assertEquals(expected, arrivedVersions, "in the order the versions were committed");
            assertTrue(sentByOthers > 0, "the extra relays did take part (sent " + sentByOthers + ")");
        }
    }

    private static String validFrom(EventsProbe.Received received) {
        var data = received.event().path("data");
        return data.has("current") ? data.path("current").path("validFrom").asText() : data.path("unit").path("validFrom").asText();
    }
}
