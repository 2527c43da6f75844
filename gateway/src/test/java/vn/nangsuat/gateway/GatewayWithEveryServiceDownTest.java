package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway that reaches no service at all is alive but not ready: the load balancer must stop sending to it. */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayWithEveryServiceDownTest.EveryServiceDown.class)
class GatewayWithEveryServiceDownTest {

    public static class EveryServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String nowhere = "http://127.0.0.1:" + StandInService.closedPort();
            return Map.of("gateway.upstreams.province.url", nowhere, "gateway.upstreams.indicator.url", nowhere,
                    "gateway.upstreams.plan.url", nowhere, "gateway.upstreams.recorder.url", nowhere);
        }
    }

    @Test
    void readinessIsDownAndSaysSoOfEachService() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.province", equalTo("DOWN (not reachable)"))
                .body("checks[0].data.plan", equalTo("DOWN (not reachable)"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void requestsAreRefusedWith503ProblemsNamingTheirService() {
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/api/v1/plans")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", equalTo("plan-service is not reachable"));
    }

    @Test
    void anOverviewWithNoPartToShowIsA503NamingEachService() {
        given().when().get("/q/health/ready").then().statusCode(503);
        given().when().get("/api/v1/provinces/46/overview")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", equalTo("No part of the overview could be had: province-service is not reachable; "
                        + "plan-service is not reachable; indicator-service is not reachable"));
    }
}
