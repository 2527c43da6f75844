package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.testing.RawHttp;

@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class GatewayRoutingTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void healthAndMetricsAreOnTheManagementPortNeverOnThePublicOne() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200);
        given().baseUri(health.toString().replace("/health", "/metrics")).when().get()
                .then().statusCode(200).body(containsString("http_server_requests_seconds_count"))
                .body(containsString("gateway_upstream_up{")).body(containsString("gateway_routes_cut_off{"))
                .body(containsString("gateway_cache_lookups_total{"));
    }

    @Test
    void aRequestReachesTheOwningServiceWithPathQueryBodyAndForwardingHeaders() {
        String token = TrustedKey.admin();
        given().urlEncodingEnabled(false).auth().oauth2(token)
                .header("Host", "api.example.vn").header("X-Request-Id", "client-7").contentType("application/json")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .body("{\"a\":1}")
                .when().post("/api/v1/plans/p-1/tasks?x=1&y=%C4%90")
                .then().statusCode(200)
                .header("X-Request-Id", "client-7")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/plans/p-1/tasks?x=1&y=%C4%90"))
                .body("body", equalTo("{\"a\":1}"))
                .body("headers.'x-request-id'", equalTo("client-7"))
                // Tracing off (the default): the caller's trace context goes on untouched, for a traced service to continue.
                .body("headers.traceparent", equalTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.'x-forwarded-host'", equalTo("api.example.vn"))
                .body("headers.'x-forwarded-proto'", equalTo("http"));
    }

    @Test
    void theUpstreamsHeadersComeBackButNotItsHopByHopOnes() {
        given().when().get("/api/v1/provinces")
                .then().statusCode(200).header("Link", containsString("rel=\"next\"")).header("Connection", nullValue());
    }

    @Test
    void aPrefixOwnsItselfAndWhatIsBelowItButNotLookalikes() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200).body("uri", equalTo("/api/v1/provinces/38"));
        given().when().get("/api/v1/provincesX").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyAnswerCarriesARequestIdAndAHostileOneIsReplaced() {
        given().when().get("/api/v1/provinces")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "a b\"<>").when().get("/api/v1/provinces")
                .then().header("X-Request-Id", not(containsString("<")))
                .body("headers.'x-request-id'", not(containsString("<")));
    }

    @Test
    void aSlowUpstreamIsA504ProblemThatKeepsTheInsideToItself() {
        given().when().get("/api/v1/provinces/very-slow")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("https://nangsuat.vn/problems/upstream-timeout"))
                .body("status", equalTo(504)).body("requestId", notNullValue())
                .body("detail", equalTo("province-service did not answer in time"));
    }

    @Test
    void anUpstreamThatHangsUpIsA502ProblemThatKeepsTheInsideToItself() {
        given().when().get("/api/v1/provinces/hang-up")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://nangsuat.vn/problems/upstream-unavailable"))
                .body("detail", equalTo("province-service broke off the exchange"))
                .body("requestId", notNullValue());
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
    }

    @Test
    void aReadWhoseConnectionBreaksIsTriedOnceMoreAndAWriteNever() {
        if (StandInService.FLAKY_CALLS.get() % 2 == 1) {
            StandInService.FLAKY_CALLS.incrementAndGet();  // the next call breaks off
        }
        int before = StandInService.FLAKY_CALLS.get();
        given().when().get("/api/v1/provinces/flaky").then().statusCode(200).body("uri", equalTo("/api/v1/provinces/flaky"));
        assertEquals(before + 2, StandInService.FLAKY_CALLS.get(), "the read was sent twice");
        given().auth().oauth2(TrustedKey.admin()).contentType("application/json").body("{}")
                .when().post("/api/v1/plans/flaky").then().statusCode(502)
                .body("detail", equalTo("plan-service broke off the exchange"));
        assertEquals(before + 3, StandInService.FLAKY_CALLS.get(), "the write was sent once");
    }

    @Test
    void anAnswerLargerThanTheCapIsA502ProblemAndForwardingGoesOn() {
        given().when().get("/api/v1/provinces/huge")
                .then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("https://nangsuat.vn/problems/upstream-answer-too-large"))
                .body("detail", equalTo("province-service answered with more than the gateway forwards"));
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
    }

    /** curl and some clients send UTF-8 in the target as raw bytes; the service must get exactly those bytes. */
    @Test
    void aRawUtf8QueryReachesTheServiceByteForByte() {
        byte[] target = "/api/v1/recorded?q=Đắk%20Lắk&r=Hà Nội".replace(" ", "+").getBytes(StandardCharsets.UTF_8);
        PeerClient.Response response = PeerClient.get("127.0.0.1", RestAssured.port, target);
        assertEquals(200, response.status(), response.body());
        assertArrayEquals(target, recordedTarget(response));
    }

    @Test
    void scriptTagsAndReservedCharactersReachTheServiceByteForByte() {
        byte[] target = "/api/v1/recorded/Bà-Rịa/a%2Fb;v=1/%C4%91,x@y!$'()*?q=<script>alert(1)</script>&s=a%26b|{}^`\""
                .getBytes(StandardCharsets.UTF_8);
        PeerClient.Response response = PeerClient.get("127.0.0.1", RestAssured.port, target);
        assertEquals(200, response.status(), response.body());
        assertArrayEquals(target, recordedTarget(response));
    }

    @Test
    void aTargetThatIsNotUtf8IsA400Problem() {
        byte[] latin1 = "/api/v1/provinces?q=Bà Rịa".replace(" ", "+").getBytes(StandardCharsets.ISO_8859_1);
        PeerClient.Response response = PeerClient.get("127.0.0.1", RestAssured.port, latin1);
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertTrue(response.body().contains("percent-encode"), response.body());
    }

    /**
     * A raw space ends the target: the request line cannot be parsed, which is the client's error, never a 500.
     * Vert.x answers it before any route runs, with an empty 400 (no problem+json: there is no hook for it).
     */
    @Test
    void aTargetWithARawSpaceIsRefusedWith400() {
        PeerClient.Response response = PeerClient.get("127.0.0.1", RestAssured.port, "/api/v1/provinces?q=Đắk Lắk");
        assertEquals(400, response.status());
    }

    private static byte[] recordedTarget(PeerClient.Response response) {
        return Base64.getDecoder().decode(new io.vertx.core.json.JsonObject(response.body()).getString("target"));
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        given().auth().oauth2(TrustedKey.admin()).contentType("application/json").body("x".repeat(4096))
                .when().post("/api/v1/plans")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aBrokenEscapeIsA400ProblemAtTheGatewayNamingThePathAsAUri() {
        RawHttp.Response response = RawHttp.get(RestAssured.port, "/api/v1/provinces/%ZZ");
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertTrue(response.body().contains("\"instance\":\"/api/v1/provinces/%25ZZ\""), response.body());
    }

    @Test
    void aClientThatStopsSendingItsBodyGetsA408AndTheServiceIsNotBlamed() {
        String token = TrustedKey.admin();
        String head = " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
        byte[] stalled = ("PUT /api/v1/observations/01/GRDP/2024" + head + "{\"value\":").getBytes(StandardCharsets.US_ASCII);
        // More of them at once than the failures in a row that cut a route off (5): none counts against the service.
        List<CompletableFuture<RawHttp.Response>> answers = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> RawHttp.exchange(RestAssured.port, stalled))).toList();
        for (CompletableFuture<RawHttp.Response> answer : answers) {
            RawHttp.Response refused = answer.join();  // the gateway closes the connection: no wait for the 10 s read timeout
            assertEquals(408, refused.status(), refused.body());
            assertEquals("application/problem+json", refused.contentType());
            assertTrue(refused.body().contains("\"type\":\"https://nangsuat.vn/problems/request-timeout\""), refused.body());
            assertTrue(refused.body().contains("9 bytes came"), refused.body());
        }
        given().auth().oauth2(token).contentType("application/json").body("{\"value\":1}")
                .when().put("/api/v1/observations/01/GRDP/2024").then().statusCode(200);
        // A streamed body (an import) too: the service's half-sent request is reset.
        RawHttp.Response streamed = RawHttp.exchange(RestAssured.port,
                ("POST /api/v1/observations/imports" + head + "unit,indicator").getBytes(StandardCharsets.US_ASCII));
        assertEquals(408, streamed.status(), streamed.body());
        given().baseUri(health.toString().replace("/health", "/metrics")).when().get()
                .then().statusCode(200).body(containsString("gateway_refused_total{status=\"408\"} 7.0"));
    }

    /**
     * A chunk size that is not hexadecimal: the HTTP server closes the connection at once, before the 400 problem the
     * gateway writes can leave (Vert.x closes a connection whose message it could not decode); never a 500, never
     * forwarded, and the gateway goes on.
     */
    @Test
    void aMalformedChunkedBodyClosesTheConnectionAndIsNeverForwarded() {
        RawHttp.Response refused = RawHttp.exchange(RestAssured.port, ("PUT /api/v1/observations/01/GRDP/2099 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TrustedKey.admin() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"value\":1}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(refused.status() == 0 || refused.status() == 400 && refused.contentType().equals("application/problem+json"),
                refused.status() + " " + refused.body());
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
    }

    @Test
    void browsersGetCorsAnswers() {
        given().header("Origin", "https://dashboard.example.vn").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,if-match")
                .when().options("/api/v1/plans")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.vn")
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    /**
     * Clients that drop their connections mid-request (a load test's end, a closed browser tab) once left a
     * proxy that never forwarded again while its liveness stayed UP. Here they must leave no trace.
     */
    @Test
    void forwardingGoesOnAfterClientsAbortRequests() throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/v1/provinces/slow HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (i % 2 == 0) {
                    socket.setSoLinger(true, 0);  // reset rather than close politely
                }
            }
        }
        for (int i = 0; i < 200; i++) {
            given().when().get("/api/v1/provinces/38").then().statusCode(200);
        }
        given().baseUri(health.toString()).when().get("/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theMergedContractHoldsTheServicesPaths() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("info.title", equalTo("Năng suất API"))
                .body("paths.'/api/v1/provinces'.get.summary", equalTo("List the units"))
                .body("paths.'/api/v1/provinces'.get.responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/provinces'.get.responses.'401'.description", containsString("gateway"))
                .body("paths.'/api/v1/provinces'.get.responses.'502'.content.'application/problem+json'.example.type",
                        equalTo("https://nangsuat.vn/problems/upstream-unavailable"))
                .body("paths.'/api/v1/provinces'.get.responses.'503'.content.'application/problem+json'.example.type",
                        equalTo("https://nangsuat.vn/problems/service-unavailable"))
                .body("components.schemas.Problem", notNullValue())
                .body("'x-merge-conflicts'", nullValue())
                .body("'x-event-contracts'.find { it.service == 'plan-service' }.url", equalTo("/asyncapi/plan.yaml"))
                .body("info.description", containsString("[indicator-service](/asyncapi/indicator.yaml)"));
    }

    @Test
    void swaggerUiShowsTheMergedContractAndKeepsTheTokenGivenToAuthorize() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("url: '/openapi.json'"))
                .body(containsString("persistAuthorization: true"));
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
