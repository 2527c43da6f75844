package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gateway that reaches no service at all is alive but not ready: the load balancer must stop sending to it. */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayWithEveryServiceDownTest.EveryServiceDown.class)
class GatewayWithEveryServiceDownTest {

    /** Health is served on the management interface, not on the public port. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    public static class EveryServiceDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int closed = StandInService.closedPort();
            Map<String, String> overrides = new java.util.HashMap<>();
            for (String upstream : new String[] {"province", "indicator", "plan", "recorder"}) {
                overrides.put("gateway.upstreams." + upstream + ".url", "http://127.0.0.1:" + closed);
                overrides.put("gateway.upstreams." + upstream + ".management-port", Integer.toString(closed));
            }
            return overrides;
        }
    }

    @Test
    void readinessIsDownAndSaysSoOfEachService() {
        given().baseUri(health.toString()).when().get("/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.province", equalTo("DOWN (not reachable)"))
                .body("checks[0].data.plan", equalTo("DOWN (not reachable)"));
        given().baseUri(health.toString()).when().get("/live").then().statusCode(200);
    }

    @Test
    void requestsAreRefusedWith503ProblemsNamingTheirService() {
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(503);
        given().when().get("/api/v1/plans")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", equalTo("plan-service is not reachable"));
    }

    @Test
    void anOverviewWithNoPartToShowIsA503NamingEachService() {
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(503);
        given().when().get("/api/v1/provinces/46/overview")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", equalTo("No part of the overview could be had: province-service is not reachable; "
                        + "plan-service is not reachable; indicator-service is not reachable"));
    }
}
