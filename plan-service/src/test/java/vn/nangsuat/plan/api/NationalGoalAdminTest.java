package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;

/** The national goals are data an admin corrects once they are checked against the legal text. */
@QuarkusTest
class NationalGoalAdminTest {

    private static final String GOAL = "/api/v1/national-goals/PROVINCES_WITH_PLAN/2025";

    private static String etag() {
        return given().when().get(GOAL).then().statusCode(200).extract().header("ETag");
    }

    private static io.restassured.response.ValidatableResponse correct(String token, String ifMatch, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch(GOAL).then();
    }

    @AfterEach
    void asSeeded() {
        correct(TestTokens.admin(), etag(), Map.of("verified", false, "source", "Decision 36/QĐ-TTg, press summaries",
                "low", 12, "high", 15)).statusCode(200);
    }

    @Test
    void anAdminMarksAGoalVerifiedAndEveryReadSeesIt() {
        try (EventsProbe events = EventsProbe.open("plan.events")) {
            String before = etag();
            correct(TestTokens.admin(), before, Map.of("verified", true, "source", "Decision 36/QĐ-TTg, Article 1"))
                    .statusCode(200).body("verified", equalTo(true)).header("ETag", not(equalTo(before)))
                    .body("progress.status", not(equalTo(null)));
            given().queryParam("year", 2025).when().get("/api/v1/national-goals").then()
                    .body("items.find { it.code == 'PROVINCES_WITH_PLAN' }.verified", equalTo(true))
                    .body("items.find { it.code == 'PROVINCES_WITH_PLAN' }.source", equalTo("Decision 36/QĐ-TTg, Article 1"));
            var changed = events.await(e -> "PROVINCES_WITH_PLAN/2025".equals(e.key()), 1, Duration.ofSeconds(10));
            assertEquals("vn.nangsuat.national-goal.changed.v1", changed.get(0).event().path("type").asText());
            assertEquals(true, changed.get(0).event().path("data").path("goal").path("verified").asBoolean());
        }
    }

    @Test
    void correctionsNeedAFreshIfMatchAnAdminAndAConsistentRange() {
        String stale = etag();
        correct(TestTokens.admin(), null, Map.of("low", 13)).statusCode(428);
        correct(TestTokens.editor("06"), stale, Map.of("low", 13)).statusCode(403);
        correct(TestTokens.admin(), stale, Map.of("low", 13)).statusCode(200).body("low", equalTo(13.0f));
        correct(TestTokens.admin(), stale, Map.of("low", 14)).statusCode(412);
        correct(TestTokens.admin(), etag(), Map.of("low", 20)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("high"));
        correct(TestTokens.admin(), etag(), Map.of("baselineYear", 2030)).statusCode(400)
                .body("errors[0].field", equalTo("baselineYear"));
        correct(TestTokens.admin(), etag(), Map.of("comparator", "ALMOST")).statusCode(400)
                .body("errors[0].field", equalTo("/comparator"));
        given().when().get("/api/v1/national-goals/NO_SUCH_GOAL/2025").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(GOAL).then().body("low", equalTo(13.0f));
    }
}
