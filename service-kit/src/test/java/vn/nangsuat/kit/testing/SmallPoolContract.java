package vn.nangsuat.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.Response;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.datasource.SecondConnectionGuard;

/**
 * One request, one pooled connection, shown with a pool of two: many requests at once are all answered (a request
 * that held one connection and waited for a second would deadlock the pool at two), a second connection asked for by
 * a thread that holds one is refused in tests (so any test taking such a path fails), and a pool that stays exhausted
 * answers 503 with Retry-After in a bounded time, never 500, while readiness still answers ready at once. A service's test class extends this (annotated
 * {@code @QuarkusTest} and {@code @TestProfile(SmallPoolContract.TwoConnections.class)}) and names reads that use its
 * database.
 */
public abstract class SmallPoolContract {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    /** Two connections, and a request waits one second for one. */
    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1s");
        }
    }

    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 12;

    @Inject
    protected AgroalDataSource dataSource;

    /** GET paths of the service that answer 200 and read its database (with data behind them), or its memory. */
    protected abstract List<String> databaseReads();

    /** A request that needs a database connection and changes nothing; by default the first of the reads. */
    protected Response requestNeedingTheDatabase() {
        return given().when().get(databaseReads().get(0));
    }

    @Test
    void sixteenClientsAtOnceOnTwoConnectionsAreAllAnswered() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<CompletableFuture<Map<String, Integer>>> runs = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                runs.add(CompletableFuture.supplyAsync(() -> {
                    Map<String, Integer> failures = new TreeMap<>();
                    for (int request = 0; request < REQUESTS_PER_CLIENT; request++) {
                        String path = databaseReads().get((first + request) % databaseReads().size());
                        int status = send(http, path);
                        if (status != 200) {
                            failures.merge(path + " -> " + status, 1, Integer::sum);
                        }
                    }
                    return failures;
                }, clients));
            }
            Map<String, Integer> failures = new TreeMap<>();
            for (CompletableFuture<Map<String, Integer>> run : runs) {
                run.get(60, TimeUnit.SECONDS).forEach((what, count) -> failures.merge(what, count, Integer::sum));
            }
            assertEquals(Map.of(), failures, "every request answered 200");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aThreadHoldingAPooledConnectionIsRefusedASecondInTests() throws Exception {
        try (Connection held = dataSource.getConnection()) {
            assertInstanceOf(SecondConnectionGuard.SecondConnection.class, secondConnectionRefusal(),
                    "a second connection is refused to a thread holding one");
        }
        try (Connection again = dataSource.getConnection()) {
            assertTrue(again.isValid(1), "the connection refused went back to the pool; one is had once none is held");
        }
    }

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterInBoundedTimeAndServesAgainOnceFreed() throws Exception {
        CountDownLatch taken = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Void>> holding = new ArrayList<>();
        for (int holder = 0; holder < 2; holder++) {
            holding.add(CompletableFuture.runAsync(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    taken.countDown();
                    release.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, holders));
        }
        try {
            assertTrue(taken.await(10, TimeUnit.SECONDS), "both connections held");
            requestNeedingTheDatabase()
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("type", equalTo("https://nangsuat.vn/problems/service-busy"))
                    .time(lessThan(3000L));
            // Busy is not failed: readiness asks the database on a connection of its own, at once.
            given().baseUri(health.toString()).when().get("/ready").then().statusCode(200).time(lessThan(1000L));
        } finally {
            release.countDown();
            CompletableFuture.allOf(holding.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            holders.shutdownNow();
        }
        given().when().get(databaseReads().get(0)).then().statusCode(200);
    }

    private static int send(HttpClient http, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e, e);
        }
    }

    /**
     * What asking for a second connection throws (null when one is handed over). The guard sees a connection once the
     * pool hands it over: while the service's own background work (its start-up import, say) holds the pool's other
     * connection, the ask times out first, so it is asked again until the other is free.
     */
    private Throwable secondConnectionRefusal() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection second = dataSource.getConnection()) {
                return null;
            } catch (SQLException timedOut) {
                if (attempt == 10) {
                    return timedOut;
                }
                Thread.sleep(500);
            } catch (RuntimeException refused) {
                return refused;
            }
        }
    }
}
