package vn.nangsuat.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the packaged gateway does on the way, as clients meet it: every path of the contract reaches the service that
 * owns it, a token's province is enforced behind it, a client sending too fast is slowed without slowing others, a
 * stopped service costs a fast 503 and its part of the overview only, and browsers' preflights are answered.
 * Run by SystemIT against the running system ({@code @Nested}).
 */
abstract class ThroughTheGateway {

    /** A value for each path parameter the contract names; the rest get "1". */
    private static final Map<String, String> PARAMETERS = Map.of("{code}", "38", "{unit}", "38", "{indicator}", "GRDP",
            "{period}", "2024", "{year}", "2025");

    @Test
    void everyReadOfTheContractGetsTheAnswerOfTheServiceThatOwnsIt() throws Exception {
        List<String> misrouted = new ArrayList<>();
        int compared = 0;
        for (var service : RunningSystem.SERVICES.entrySet()) {
            JsonNode own = RunningSystem.serviceContract(service.getValue());
            for (var path : (Iterable<Map.Entry<String, JsonNode>>) own.path("paths")::fields) {
                if (!path.getValue().has("get")) {
                    continue;
                }
                String target = path.getKey();
                for (var parameter : PARAMETERS.entrySet()) {
                    target = target.replace(parameter.getKey(), parameter.getValue());
                }
                target = target.replaceAll("\\{[^}]+}", "1");
                int direct = given().port(service.getValue()).when().get(target).statusCode();
                int routed = given().when().get(target).statusCode();
                compared++;
                if (direct != routed) {
                    misrouted.add("GET " + target + ": " + service.getKey() + "-service answers " + direct
                            + ", through the gateway " + routed);
                }
            }
        }
        assertTrue(compared > 25, compared + " reads compared");
        assertEquals(List.of(), misrouted);
    }

    @Test
    void aProvinceEditorsWriteToAnotherProvinceIsRefusedWith403() throws Exception {
        String editorOf38 = RunningSystem.token("--role", "province-editor", "--province", "38", "--subject", "editor-38");
        given().auth().oauth2(editorOf38).contentType("application/json")
                .body(Map.of("value", 1, "status", "ESTIMATE", "source", "e2e"))
                .when().put("/api/v1/observations/01/GRDP/2024")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aClientSendingFasterThanItsLimitGets429WithRetryAfterAndOthersDoNot() throws Exception {
        String hasty = RunningSystem.token("--role", "admin", "--subject", "hasty-client");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RunningSystem.GATEWAY
                + "/api/v1/provinces/38")).header("Authorization", "Bearer " + hasty).build();
        // Once alone first: the gateway counts a token by its subject once it has verified it.
        assertEquals(200, http.send(read, HttpResponse.BodyHandlers.discarding()).statusCode());
        // 400 in a burst, 16 at a time, against a bucket of 200 (RATE_LIMIT_BURST) refilled at 50 a second.
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            sent.add(senders.submit(() -> http.send(read, HttpResponse.BodyHandlers.ofString())));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (var answer : sent) {
            answers.add(answer.get());
        }
        senders.shutdown();
        List<HttpResponse<String>> throttled = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertTrue(!throttled.isEmpty(), "no 429 among " + answers.size());
        assertEquals(List.of(200, 429), answers.stream().map(HttpResponse::statusCode).distinct().sorted().toList());
        assertTrue(throttled.get(0).headers().firstValue("Retry-After").isPresent());
        assertEquals("application/problem+json", throttled.get(0).headers().firstValue("Content-Type").orElse(null));
        // Another client is not slowed by the hasty one.
        given().auth().oauth2(RunningSystem.token("--role", "admin", "--subject", "patient-client"))
                .when().get("/api/v1/provinces/38").then().statusCode(200);
    }

    @Test
    void aStoppedServiceCostsAFast503AndOnlyItsPartOfTheOverview() throws Exception {
        try (ExtraInstance gateway = ExtraInstance.gatewayWithPlanServiceStopped()) {
            long began = System.nanoTime();
            given().port(ExtraInstance.GATEWAY_PORT).when().get("/api/v1/plans")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("detail", equalTo("plan-service is not reachable"));
            long millis = (System.nanoTime() - began) / 1_000_000;
            assertTrue(millis < 1000, "the 503 took " + millis + " ms");
            given().port(ExtraInstance.GATEWAY_PORT).when().get("/api/v1/provinces/38").then().statusCode(200);
            given().port(ExtraInstance.GATEWAY_PORT).when().get("/api/v1/provinces/38/overview")
                    .then().statusCode(200)
                    .body("unit.name", equalTo("Thanh Hóa"))
                    .body("plan", nullValue())
                    .body("warnings.part", contains("plan"))
                    .body("warnings[0].service", equalTo("plan-service"));
        }
    }

    /** Read in a provincial office: the overview's refusal, worded by province-service, in the language asked. */
    @Test
    void anOverviewsRefusalIsInTheLanguageAsked() {
        given().header("Accept-Language", "vi-VN,vi;q=0.9").queryParam("asOf", "2026-01-01")
                .when().get("/api/v1/provinces/06/overview")
                .then().statusCode(404).contentType("application/problem+json").header("Content-Language", "vi")
                .body("title", equalTo("Không tìm thấy"))
                .body("detail", equalTo("Không có đơn vị nào mang mã 06 vào ngày 2026-01-01"))
                .body("instance", equalTo("/api/v1/provinces/06/overview"));
        given().queryParam("asOf", "2026-01-01").when().get("/api/v1/provinces/06/overview")
                .then().statusCode(404).header("Content-Language", "en")
                .body("title", equalTo("Not Found")).body("detail", equalTo("No unit has code 06 on 2026-01-01"));
    }

    @Test
    void aBrowserFrontendsPreflightIsAnswered() {
        given().header("Origin", "https://dashboard.example.vn").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/api/v1/observations/38/GRDP/2024")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://dashboard.example.vn")
                .header("Access-Control-Allow-Methods", containsString("PUT"));
    }

    @Test
    void aUnitReadIsAnsweredFromTheGatewaysCacheUntilAWriteToProvinceService() throws Exception {
        given().when().get("/api/v1/provinces/46").then().statusCode(200).header("Cache-Control", "s-maxage=1");
        given().when().get("/api/v1/provinces/46").then().statusCode(200).header("Age", notNullValue());
        given().header("Cache-Control", "no-cache").when().get("/api/v1/provinces/46")
                .then().statusCode(200).header("Age", nullValue());
        // A write to province-service (refused or not) drops what the gateway kept of it.
        given().auth().oauth2(RunningSystem.token("--role", "admin")).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(400);
        given().when().get("/api/v1/provinces/46").then().statusCode(200).header("Age", nullValue());
    }
}
