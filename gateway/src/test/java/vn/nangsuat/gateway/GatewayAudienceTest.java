package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JWT_AUDIENCE set, as when the identity provider issues tokens for several APIs: a token is taken only when its
 * `aud` names this API, so a genuine token meant for another system is refused.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayAudienceTest.ForThisApi.class)
class GatewayAudienceTest {

    public static class ForThisApi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("JWT_AUDIENCE", "nangsuat-api");
        }
    }

    @Test
    void aTokenForThisApiIsForwarded() {
        given().auth().oauth2(TrustedKey.forAudience("nangsuat-api")).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces")
                .then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void aTokenForAnotherSystemOrForNoneIsRefused() {
        for (String token : new String[] {TrustedKey.forAudience("another-system"), TrustedKey.admin()}) {
            given().auth().oauth2(token).contentType("application/json").body("{}")
                    .when().post("/api/v1/provinces")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }
}
