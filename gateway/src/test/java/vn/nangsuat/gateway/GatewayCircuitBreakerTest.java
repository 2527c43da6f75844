package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A route that keeps failing is cut off: its callers get a fast 503 naming it. The service's other routes, and
 * other clients, go on being served while its readiness says it is up.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class GatewayCircuitBreakerTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void aRouteThatKeepsFailingIsCutOffFastAndTheServiceGoesOn() throws InterruptedException {
        // Five requests in a row whose exchanges break off (each read tried twice): the route's breaker opens.
        for (int call = 0; call < 5; call++) {
            given().when().get("/api/v1/provinces/breaker/hang-up").then().statusCode(502);
        }
        given().when().get("/api/v1/provinces/breaker/hang-up").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("GET /api/v1/provinces/breaker/hang-up failed 5 times in a row at province-service"))
                .time(lessThan(200L));
        // The same service's other routes, reads and writes, are served: it is up, only that route failed.
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
        given().auth().oauth2(TrustedKey.admin()).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces/38/changes").then().statusCode(200);
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200);

        // After breaker-open-for (5 s) one request is let through again; failing once more cuts the route off again.
        Thread.sleep(5_100);
        given().when().get("/api/v1/provinces/breaker/hang-up").then().statusCode(502);
        given().when().get("/api/v1/provinces/breaker/hang-up").then().statusCode(503).time(lessThan(200L));
    }

    @Test
    void aReadHammeredUntilItTimesOutCostsItsOwnClientsNotAnotherClientsReads() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // 64 clients at once on a read slower than the gateway waits (1 s here): it times out, then is cut off.
        HttpRequest expensive = HttpRequest.newBuilder(uri("/api/v1/provinces/hammered/very-slow")).build();
        List<CompletableFuture<HttpResponse<Void>>> hammering = new ArrayList<>();
        for (int client = 0; client < 64; client++) {
            hammering.add(http.sendAsync(expensive, HttpResponse.BodyHandlers.discarding()));
        }
        // Meanwhile another client's plain reads of the same service are all answered.
        List<Integer> plain = new ArrayList<>();
        while (!hammering.stream().allMatch(CompletableFuture::isDone)) {
            plain.add(given().when().get("/api/v1/provinces/38").then().extract().statusCode());
        }
        for (int more = 0; more < 5; more++) {
            plain.add(given().when().get("/api/v1/provinces/38").then().extract().statusCode());
        }
        assertTrue(plain.stream().allMatch(status -> status == 200), plain.toString());
        List<Integer> hammered = hammering.stream().map(answer -> answer.join().statusCode()).toList();
        assertTrue(hammered.stream().allMatch(status -> status == 504 || status == 503), hammered.toString());
        assertEquals(503, given().when().get("/api/v1/provinces/hammered/very-slow").then().extract().statusCode(),
                "the slow route is cut off");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }
}
