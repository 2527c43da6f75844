package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A service that keeps failing is cut off: its callers get a fast 503 naming it, until its readiness answers again. */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class GatewayCircuitBreakerTest {

    @Test
    void anUpstreamThatKeepsFailingIsCutOffFastAndLetThroughOnceReady() throws InterruptedException {
        // Five requests in a row whose exchanges break off (each read tried twice): the breaker opens.
        for (int call = 0; call < 5; call++) {
            given().when().get("/api/v1/provinces/hang-up").then().statusCode(502);
        }
        given().when().get("/api/v1/provinces/38").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", equalTo("province-service is not ready"))
                .time(lessThan(200L));
        given().when().get("/api/v1/indicators/GRDP").then().statusCode(200);  // the others are not cut off

        // After breaker-open-for (5 s), the stand-in's next ready probe (every 2 s) closes the breaker.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        int status = 503;
        while (status != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = given().when().get("/api/v1/provinces/38").then().extract().statusCode();
        }
        assertEquals(200, status, "the breaker never closed");
    }
}
