package vn.nangsuat.province.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.DevstackSession;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

/** The outbox on the real broker: Kafka taken away, writes go on, events follow once it is back. */
@QuarkusTest
class OutboxUnderOutageTest {

    @Inject
    AgroalDataSource dataSource;

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
