package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * province-service run as two instances (PROVINCE_SERVICE_URL names both): the gateway spreads requests over them,
 * and when one stops, it leaves that one out (reads whose connection failed go to the other at once), the service
 * stays up, and readiness says which instance is down.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@QuarkusTestResource(value = GatewayWithTwoInstancesTest.TwoInstances.class, restrictToAnnotatedClass = true)
class GatewayWithTwoInstancesTest {

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    /** Two instances of province-service, each with its API port and management port, answering with its name. */
    public static class TwoInstances implements QuarkusTestResourceLifecycleManager {

        static final Map<String, List<HttpServer>> SERVERS = new HashMap<>();
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            List<String> urls = new java.util.ArrayList<>();
            List<String> managementPorts = new java.util.ArrayList<>();
            for (String name : List.of("a", "b")) {
                HttpServer api = StandInService.listen(vertx.createHttpServer().requestHandler(request -> request.body()
                        .onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
                                .end("{\"instance\":\"" + name + "\",\"method\":\"" + request.method() + "\"}"))),
                        "instance " + name);
                HttpServer management = StandInService.listen(vertx.createHttpServer().requestHandler(request ->
                        request.response().setStatusCode(request.path().equals("/q/health/ready") ? 200 : 404)
                                .end("{\"status\":\"UP\"}")), "management interface of instance " + name);
                SERVERS.put(name, List.of(api, management));
                urls.add("http://127.0.0.1:" + api.actualPort());
                managementPorts.add(Integer.toString(management.actualPort()));
            }
            return Map.of("gateway.upstreams.province.url", String.join(",", urls),
                    "gateway.upstreams.province.management-port", String.join(",", managementPorts),
                    "gateway.probe-interval", "500ms");
        }

        static void stop(String name) throws Exception {
            for (HttpServer server : SERVERS.get(name)) {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }

        @Override
        public void stop() {
            vertx.close();
        }
    }

    @Test
    void requestsAreSpreadOverBothAndOneStoppedIsLeftOutWithNothingLost() throws Exception {
        Map<String, Integer> answeredBy = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String instance = given().when().get("/api/v1/provinces/38").then().statusCode(200)
                    .extract().path("instance");
            answeredBy.merge(instance, 1, Integer::sum);
        }
        assertEquals(Map.of("a", 10, "b", 10), answeredBy, "requests taken in turn");
        given().baseUri(health.toString()).when().get("/ready")
                .then().statusCode(200).body("checks[0].data.province", equalTo("UP (2 instances)"));

        TwoInstances.stop("b");
        // Before any probe has noticed: a read whose connection is refused goes to the other instance at once.
        for (int i = 0; i < 20; i++) {
            given().when().get("/api/v1/provinces/38").then().statusCode(200).body("instance", equalTo("a"));
        }
        // A write is never sent twice, so it must not be sent to the stopped instance: by now it is left out.
        given().auth().oauth2(TrustedKey.admin()).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(200)
                .body("instance", equalTo("a")).body("method", equalTo("POST"));
        String detail = given().baseUri(health.toString()).when().get("/ready")
                .then().statusCode(200).extract().path("checks[0].data.province");
        assertTrue(detail.startsWith("UP (1 of 2 instances; http://127.0.0.1:"), detail);
        // Left out by the request that found it unreachable, or by a probe that came first: either way, DOWN.
        assertTrue(detail.endsWith(" DOWN (not reachable))")
                || detail.endsWith(" DOWN (no valid answer to its readiness: upstream-unavailable))"), detail);
        given().baseUri(health.toString()).when().get("/ready").then()
                .body("checks[0].data.indicator", startsWith("UP"));
    }
}
