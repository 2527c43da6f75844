package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One pooled connection and room for one waiting request: more requests than that at once are refused at
 * the gateway instead of piling up in its memory.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayUnderPressureTest.OneConnection.class)
class GatewayUnderPressureTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    public static class OneConnection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.pool-size", "1", "gateway.max-wait-queue", "1");
        }
    }

    @Test
    void requestsBeyondAFullWaitQueueGet503ProblemsWithRetryAfterAndTheOthersAreServed() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest slow = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/provinces/slow"))
                .build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(http.sendAsync(slow, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 503).toList();
        assertTrue(answers.stream().allMatch(answer -> answer.statusCode() == 200 || answer.statusCode() == 503),
                answers.toString());
        assertTrue(answers.stream().anyMatch(answer -> answer.statusCode() == 200), answers.toString());
        assertTrue(!refused.isEmpty(), "8 requests at once on 1 connection and 1 waiting place: some must be refused");
        HttpResponse<String> one = refused.get(0);
        assertEquals("application/problem+json", one.headers().firstValue("Content-Type").orElse(null));
        assertEquals("1", one.headers().firstValue("Retry-After").orElse(null));
        JsonObject problem = new JsonObject(one.body());
        assertEquals("https://nangsuat.vn/problems/service-unavailable", problem.getString("type"));
        assertEquals("province-service has too many requests waiting; retry after the time in Retry-After",
                problem.getString("detail"));
    }

    @Test
    void aBusyServiceIsNotTakenForADownOne() {
        requestsBeyondAFullWaitQueueGet503ProblemsWithRetryAfterAndTheOthersAreServed();
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200).body("checks[0].data.province", startsWith("UP"));
    }
}
