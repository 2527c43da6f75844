package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayRateLimitTest.TightLimit.class)
class GatewayRateLimitTest {

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests-per-second", "0.5", "gateway.rate-limit.burst", "3");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndTheServiceNeverSeesIt() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/provinces").then().statusCode(200);
        }
        given().when().get("/api/v1/provinces")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
    }

    @Test
    void operationsEndpointsAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            given().when().get("/q/health/live").then().statusCode(200);
        }
    }
}
