package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The gateway keeps missing, forged and expired tokens away from the services; the stand-in service echoes
 * what reaches it, so an answer with the echo's fields means the request got through.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class GatewayTokenTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void readsArePublic() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200).body("method", equalTo("GET"));
    }

    @Test
    void aWriteWithoutATokenIsA401ProblemAndNeverReachesTheService() {
        given().contentType("application/json").body("{\"code\":\"21\"}")
                .when().post("/api/v1/provinces")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("https://nangsuat.vn/problems/unauthorized"))
                .body("detail", containsString("Writes need a bearer token"))
                .body("method", nullValue());
    }

    @Test
    void aWriteWithAGenuineTokenIsForwardedWithIt() {
        String token = TrustedKey.admin();
        given().auth().oauth2(token).contentType("application/json").body("{\"code\":\"21\"}")
                .when().post("/api/v1/provinces")
                .then().statusCode(200).body("method", equalTo("POST"))
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEvenOnARead() {
        given().auth().oauth2(TrustedKey.forged())
                .when().get("/api/v1/provinces/38")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                .body("detail", containsString("not valid"))
                .body("method", nullValue());
    }

    @Test
    void anExpiredTokenIsRefusedAndSaysSo() {
        given().auth().oauth2(TrustedKey.expired()).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The bearer token has expired"));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        given().auth().oauth2(TrustedKey.fromAnotherIssuer()).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces")
                .then().statusCode(401).contentType("application/problem+json").body("method", nullValue());
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        given().header("Authorization", "Bearer not.a.jwt")
                .when().get("/api/v1/provinces").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("admin", "admin")
                .when().get("/api/v1/provinces").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
        given().header("Authorization", "Bearer " + "x".repeat(8000))
                .when().get("/api/v1/provinces").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        given().baseUri(health.toString()).when().get("/live").then().statusCode(200);
        given().when().get("/openapi.json").then().statusCode(200);
    }
}
