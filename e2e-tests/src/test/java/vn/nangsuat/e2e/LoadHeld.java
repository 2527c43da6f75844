package vn.nangsuat.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Load is part of correctness: every read of every service's contract, with real ids, taken by 32 clients at once for
 * a few seconds, straight to the service and through the gateway (each client with a token of its own, as the gateway
 * limits each client's rate), answers without a 5xx and without a client giving up after 10 s. The short version of
 * bench/load-sweep.sh. Run by SystemIT against the running system ({@code @Nested}).
 */
abstract class LoadHeld {

    private static final int CLIENTS = 32;
    private static final Duration EACH = Duration.ofMillis(1500);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Test
    void everyReadHolds32ClientsAtOnceStraightAndThroughTheGateway() throws Exception {
        String admin = RunningSystem.token("--role", "admin");
        long plan = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("unitCode", "38", "title", "Kế hoạch tải", "startYear", 2026, "endYear", 2030,
                        "legalBasis", "DECISION_36_2021"))
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, String> values = Map.of("{code}", "38", "{unit}", "38", "{indicator}", "GRDP", "{period}", "2024",
                "{year}", "2025", "{id}", Long.toString(plan), "{planId}", Long.toString(plan));
        List<String> tokens = tokens();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, String> failures = new TreeMap<>();
        int endpoints = 0;
        for (var service : RunningSystem.SERVICES.entrySet()) {
            JsonNode own = RunningSystem.serviceContract(service.getValue());
            for (var path : (Iterable<Map.Entry<String, JsonNode>>) own.path("paths")::fields) {
                JsonNode get = path.getValue().get("get");
                if (get == null) {
                    continue;
                }
                String target = path.getKey();
                for (var value : values.entrySet()) {
                    target = target.replace(value.getKey(), value.getValue());
                }
                target = target.replaceAll("\\{[^}]+}", "1") + requiredQuery(path.getKey(), get);
                endpoints++;
                hammer(http, service.getValue(), target, null).ifPresent(failure -> failures.put(
                        service.getKey() + "-service GET " + path.getKey(), failure));
                hammer(http, RunningSystem.GATEWAY, target, tokens).ifPresent(failure -> failures.put(
                        "gateway GET " + path.getKey(), failure));
            }
        }
        assertTrue(endpoints > 25, endpoints + " reads hammered");
        assertEquals(Map.of(), failures, "5xx answers or clients that gave up");
    }

    /** Values for the query parameters a read requires, so it does real work instead of answering 400. */
    private static String requiredQuery(String template, JsonNode get) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : get.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText()) || !parameter.path("required").asBoolean()) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = switch (name) {
                case "indicator" -> "GRDP";
                case "period" -> "2024";
                case "from" -> template.endsWith("/crosswalk") ? "2025-06-30" : "2015";
                case "to" -> "2025";
                case "unit" -> "38";
                case "harmonize" -> "2025-07-01";
                case "concern" -> "OVERDUE";
                case "updatedAfter" -> "2020-01-01T00:00:00Z";
                default -> parameter.path("example").asText("1");
            };
            query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value);
        }
        return query.toString();
    }

    /** 32 clients send the read again and again for a while; what went wrong, if anything. */
    private static Optional<String> hammer(HttpClient http, int port, String target, List<String> tokens)
            throws Exception {
        AtomicInteger answered = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger gaveUp = new AtomicInteger();
        long until = System.nanoTime() + EACH.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                        .timeout(PATIENCE);
                if (tokens != null) {
                    request.header("Authorization", "Bearer " + tokens.get(client));
                }
                HttpRequest built = request.build();
                runs.add(CompletableFuture.runAsync(() -> {
                    while (System.nanoTime() < until) {
                        try {
                            int status = http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            answered.incrementAndGet();
                        } catch (HttpTimeoutException e) {
                            gaveUp.incrementAndGet();
                        } catch (Exception e) {
                            statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }, clients));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
        } finally {
            clients.shutdownNow();
        }
        boolean failed = gaveUp.get() > 0 || statuses.keySet().stream().anyMatch(status -> status >= 500 || status < 0);
        return failed ? Optional.of(target + ": answers by status " + statuses + ", gave up " + gaveUp)
                : Optional.empty();
    }

    /** A token per client: the gateway limits the rate of each token's subject, not of the load as a whole. */
    private static List<String> tokens() throws Exception {
        ExecutorService minting = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> minted = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                String subject = "load-client-" + client;
                minted.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return RunningSystem.token("--role", "admin", "--subject", subject);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, minting));
            }
            return minted.stream().map(CompletableFuture::join).toList();
        } finally {
            minting.shutdownNow();
        }
    }
}
