package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayWithServiceDownTest.IndicatorServiceDown.class)
class GatewayWithServiceDownTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    public static class IndicatorServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int closed = StandInService.closedPort();
            return Map.of("gateway.upstreams.indicator.url", "http://127.0.0.1:" + closed,
                    "gateway.upstreams.indicator.management-port", Integer.toString(closed));
        }
    }

    @Test
    void aRequestToAServiceThatIsDownIsAFast503ProblemNamingItWithRetryAfter() {
        // Readiness answers once the first probes are in, so the gateway knows by now.
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200);
        given().when().get("/api/v1/indicators")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("https://nangsuat.vn/problems/service-unavailable"))
                .body("detail", equalTo("indicator-service is not reachable"))
                .body("requestId", notNullValue());
    }

    @Test
    void theOverviewLeavesOutWhatTheServiceDownOwnsAndSaysSo() {
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200);
        given().when().get("/api/v1/provinces/46/overview?asOf=2026-11-29")
                .then().statusCode(200)
                .body("unit.name", equalTo("Huế"))
                .body("plan.id", equalTo(7))
                .body("latestValues", empty())
                .body("warnings", hasSize(1))
                .body("warnings[0].part", equalTo("latestValues"))
                .body("warnings[0].service", equalTo("indicator-service"))
                .body("warnings[0].detail", equalTo("indicator-service is not reachable"));
    }

    @Test
    void theOtherServicesAreStillReached() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
    }

    @Test
    void oneServicesOutageLeavesTheGatewayReadyAndReadinessSaysWhichServiceIsDown() {
        given().baseUri(health.toString()).when().get("/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.indicator", equalTo("DOWN (not reachable)"))
                .body("checks[0].data.province", equalTo("UP"))
                .body("checks[0].data.plan", equalTo("UP"));
        given().baseUri(health.toString()).when().get("/live").then().statusCode(200);
    }

    @Test
    void theContractSaysWhichServiceDocumentIsMissing() {
        given().when().get("/openapi.json")
                .then().statusCode(200).body("'x-unavailable-services'", hasItem("indicator"));
    }
}
