package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS_ORIGINS set to one frontend: its browsers are answered, another site's are not. */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayCorsTest.OneFrontend.class)
class GatewayCorsTest {

    public static class OneFrontend implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "https://dashboard.example.vn");
        }
    }

    @Test
    void theConfiguredOriginsPreflightIsAnswered() {
        given().header("Origin", "https://dashboard.example.vn").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match")
                .when().options("/api/v1/observations/46/GRDP/2024")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.vn")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void aBrowserMaySendEveryRequestHeaderTheApiDocumentsAndReadEveryAnswerHeader() {
        var preflight = given().header("Origin", "https://dashboard.example.vn")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers",
                        "authorization,content-type,if-match,if-none-match,prefer,idempotency-key,cache-control,x-request-id")
                .when().options("/api/v1/observations/imports")
                .then().statusCode(200).extract();
        for (String header : List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "Prefer",
                "Idempotency-Key", "Cache-Control", "X-Request-Id")) {
            assertThat(header, preflight.header("Access-Control-Allow-Headers"), containsString(header));
        }
        String exposed = given().header("Origin", "https://dashboard.example.vn").when().get("/api/v1/provinces/38")
                .then().statusCode(200).extract().header("Access-Control-Expose-Headers");
        for (String header : List.of("ETag", "Location", "Link", "Retry-After", "Age", "X-Request-Id",
                "Content-Disposition")) {
            assertThat(header, exposed, containsString(header));
        }
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "PUT")
                .when().options("/api/v1/observations/46/GRDP/2024")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example.com")
                .when().get("/api/v1/provinces/38")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
