package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.DevstackSession;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

/**
 * The database taken away on the real server: writes get a 503 they can retry, never a 500, and nothing half-done;
 * reads of units go on from memory.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void forgetTheTestUnit() {
        TestUnits.forget(dataSource, List.of("29"));
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAre503WithRetryAfterAndAllRecoversWhenItIsBack() throws Exception {
        Map<String, Object> unit = Map.of("code", "29", "name", "Tỉnh Hai Chín", "kind", "PROVINCE", "validFrom", "2031-01-01");
        assertEquals(0, DevstackSession.devstack("stop-db"), "devstack stop-db");
        try {
            // Units are read from memory, loaded at start: reads go on while the database is away.
            given().when().get("/api/v1/provinces/38").then().statusCode(200).body("code", equalTo("38"));
            Instant asked = Instant.now();
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit)
                    .when().post("/api/v1/provinces")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("https://nangsuat.vn/problems/database-unavailable"));
            // Generous, against hanging: the pool must not wait out long timeouts before it says so.
            assertTrue(Duration.between(asked, Instant.now()).toSeconds() < 10, "the 503 comes quickly");
            given().baseUri(health.toString()).when().get("/ready").then().statusCode(503);
        } finally {
            assertEquals(0, DevstackSession.devstack("start-db"), "devstack start-db");
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (given().when().get("/api/v1/provinces/38").statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200);
        // The refused write left nothing behind; the same write now passes, once.
        given().when().get("/api/v1/provinces/29/history").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit)
                .when().post("/api/v1/provinces")
                .then().statusCode(201);
        given().when().get("/api/v1/provinces/29/history").then().statusCode(200).body("$", hasSize(1));
    }
}
