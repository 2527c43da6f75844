package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayWithServiceDownTest.IndicatorServiceDown.class)
class GatewayWithServiceDownTest {

    public static class IndicatorServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstreams.indicator.url", "http://127.0.0.1:" + StandInService.closedPort());
        }
    }

    @Test
    void aServiceThatIsDownIsA502ProblemNamingIt() {
        given().when().get("/api/v1/indicators")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://nangsuat.vn/problems/upstream-unavailable"))
                .body("detail", containsString("indicator"));
    }

    @Test
    void theOtherServicesAreStillReached() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
    }

    @Test
    void readinessIsDownAndSaysWhichService() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.indicator", containsString("DOWN"))
                .body("checks[0].data.province", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theContractSaysWhichServiceDocumentIsMissing() {
        given().when().get("/openapi.json")
                .then().statusCode(200).body("'x-unavailable-services'", hasItem("indicator"));
    }
}
