package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * A frontend retrying a create after a timeout: with an Idempotency-Key, the retry answers the first result again and
 * nothing is created twice (service-kit's IdempotentCreates, the same on every POST that creates).
 */
@QuarkusTest
class IdempotentCreatesTest {

    @Inject
    AgroalDataSource dataSource;

    private final String title = "Kế hoạch thử lại " + UUID.randomUUID();

    private Map<String, Object> plan() {
        Map<String, Object> plan = PlanFixtures.bacKanPlan();
        plan.put("title", title);
        return plan;
    }

    private static Response post(String token, String key, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/plans");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheFirstResultAndCreatesNothingMore() throws Exception {
        String key = UUID.randomUUID().toString();
        Response first = post(TestTokens.admin(), key, plan());
        first.then().statusCode(201);
        assertEquals(null, first.header("Idempotent-Replayed"));
        Response again = post(TestTokens.admin(), key, plan());
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("id", equalTo(first.jsonPath().getInt("id")))
                .body("title", equalTo(title));
        assertEquals(1, plansTitled(title), "one plan however often it is sent");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheKeyAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        post(TestTokens.admin(), key, plan()).then().statusCode(201);
        Map<String, Object> other = plan();
        other.put("stateBudget", 1);
        post(TestTokens.admin(), key, other).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://nangsuat.vn/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, plansTitled(title));
    }

    @Test
    void keysAreEachCallersOwnAndCreatesWithoutOneAreNotDeduplicated() throws Exception {
        String key = UUID.randomUUID().toString();
        post(TestTokens.admin(), key, plan()).then().statusCode(201);
        post(TestTokens.editor("06"), key, plan()).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        post(TestTokens.admin(), null, plan()).then().statusCode(201);
        assertEquals(3, plansTitled(title), "another caller's key, and no key, create anew");
    }

    @Test
    void aRefusedCreateKeepsNoKeyAndAMalformedKeyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = plan();
        invalid.put("endYear", 1999);
        post(TestTokens.admin(), key, invalid).then().statusCode(400);
        post(TestTokens.admin(), key, plan()).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        post(TestTokens.admin(), "x".repeat(201), plan()).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, plansTitled(title));
    }

    @Test
    void eightRetriesAtOnceCreateOnePlanAndEachIsTheFirstResultOrInFlight() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CyclicBarrier together = new CyclicBarrier(8);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                sent.add(clients.submit(() -> {
                    together.await();
                    return post(TestTokens.admin(), key, plan());
                }));
            }
            List<String> locations = new ArrayList<>();
            for (Future<Response> one : sent) {
                Response answer = one.get();
                assertTrue(answer.statusCode() == 201 || answer.statusCode() == 409, answer.asString());
                if (answer.statusCode() == 201) {
                    locations.add(answer.header("Location"));
                } else {
                    assertEquals("Idempotency-Key", answer.jsonPath().getString("errors[0].field"));
                }
            }
            assertTrue(!locations.isEmpty() && locations.stream().distinct().count() == 1, locations.toString());
        } finally {
            clients.shutdownNow();
        }
        assertEquals(1, plansTitled(title));
    }

    private long plansTitled(String title) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM plan WHERE title = ?")) {
            query.setString(1, title);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
