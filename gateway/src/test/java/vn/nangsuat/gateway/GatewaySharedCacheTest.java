package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The reads a service marks reusable (Cache-Control s-maxage) are served from the gateway's memory until a write. */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class GatewaySharedCacheTest {

    @Test
    void aReusableAnswerIsServedAgainWithItsAgeTokenOrNot() {
        int call = given().when().get("/api/v1/provinces/a/cacheable")
                .then().statusCode(200).header("Age", nullValue()).extract().path("call");
        given().when().get("/api/v1/provinces/a/cacheable")
                .then().statusCode(200).header("Age", matchesPattern("\\d+")).header("X-Request-Id", matchesPattern(".+"))
                .header("Cache-Control", "s-maxage=30").body("call", equalTo(call));
        given().auth().oauth2(TrustedKey.admin()).when().get("/api/v1/provinces/a/cacheable")
                .then().statusCode(200).body("call", equalTo(call));
    }

    @Test
    void anUnchangedOneIsA304FromTheCache() {
        String etag = given().when().get("/api/v1/provinces/b/cacheable").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/provinces/b/cacheable")
                .then().statusCode(304).header("ETag", etag).header("Age", matchesPattern("\\d+"));
    }

    @Test
    void aClientAskingNoCacheGetsTheServicesOwnAnswer() {
        int call = given().when().get("/api/v1/provinces/c/cacheable").then().extract().path("call");
        given().header("Cache-Control", "no-cache").when().get("/api/v1/provinces/c/cacheable")
                .then().statusCode(200).header("Age", nullValue()).body("call", equalTo(call + 1));
    }

    @Test
    void aWriteToTheServiceMakesItsNextReadGoToIt() {
        int call = given().when().get("/api/v1/provinces/d/cacheable").then().extract().path("call");
        given().when().get("/api/v1/provinces/d/cacheable").then().body("call", equalTo(call));
        given().auth().oauth2(TrustedKey.admin()).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(200);
        int after = given().when().get("/api/v1/provinces/d/cacheable")
                .then().statusCode(200).header("Age", nullValue()).extract().path("call");
        given().when().get("/api/v1/provinces/d/cacheable").then().body("call", equalTo(after));
        assertTrue(after > call, "after the write: call " + after + ", before " + call);
    }

    @Test
    void aReadAnsweredAfterAWriteWasForwardedIsNotKept() throws Exception {
        var client = HttpClient.newHttpClient();
        var read = HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + RestAssured.port + "/api/v1/provinces/f/late-cacheable")).build();
        var early = client.sendAsync(read, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);  // the read is at the service, which answers after 300 ms
        given().auth().oauth2(TrustedKey.admin()).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(200);
        int earlyCall = new JsonObject(early.get().body()).getInteger("call");
        // Its answer may predate the write: the next read goes to the service.
        given().when().get("/api/v1/provinces/f/late-cacheable")
                .then().statusCode(200).header("Age", nullValue()).body("call", equalTo(earlyCall + 1));
    }

    @Test
    void aPrivateAnswerIsNeverKept() {
        int call = given().when().get("/api/v1/provinces/e/private").then().extract().path("call");
        given().when().get("/api/v1/provinces/e/private").then().header("Age", nullValue()).body("call", equalTo(call + 1));
    }
}
