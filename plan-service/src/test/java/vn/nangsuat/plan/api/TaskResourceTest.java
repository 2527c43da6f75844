package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/** A plan's tasks, how far along each should be by today, and the overdue and lagging ones across provinces. */
@QuarkusTest
class TaskResourceTest extends WithBacKanAndThaiNguyen {

    /** A plan of the new Thái Nguyên running through this year, so its tasks can be current. */
    private static long currentPlan() {
        int year = LocalDate.now().getYear();
        Map<String, Object> body = PlanFixtures.with(PlanFixtures.with(PlanFixtures.with(bacKanPlan(), "unitCode", "19"),
                "startYear", year - 1), "endYear", year + 1);
        return drafted(body);
    }

    private static Map<String, Object> task(LocalDate start, LocalDate end, int percentDone) {
        return new HashMap<>(Map.of("title", "Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất",
                "leadAgency", "Sở Khoa học và Công nghệ", "partnerAgencies", List.of("Sở Công Thương", "Hiệp hội Doanh nghiệp tỉnh"),
                "startDate", start.toString(), "endDate", end.toString(), "budget", 800_000_000, "status", "IN_PROGRESS",
                "percentDone", percentDone));
    }

    private static ValidatableResponse add(long plan, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/{id}/tasks", plan).then();
    }

    @Test
    void aTaskSaysHowFarAlongItShouldBeByToday() {
        long plan = currentPlan();
        LocalDate today = LocalDate.now();
        // Half of its time gone: expected 50 %; 45 % done is within the 10-point tolerance.
        long onTime = add(plan, task(today.minusDays(50), today.plusDays(50), 45)).statusCode(201)
                .body("expectedPercent", equalTo(50)).body("overdue", equalTo(false)).body("lagging", equalTo(false))
                .body("partnerAgencies", contains("Sở Công Thương", "Hiệp hội Doanh nghiệp tỉnh"))
                .extract().jsonPath().getLong("id");
        long behind = add(plan, task(today.minusDays(50), today.plusDays(50), 20)).statusCode(201)
                .body("lagging", equalTo(true)).extract().jsonPath().getLong("id");
        long late = add(plan, task(today.minusDays(100), today.minusDays(1), 90)).statusCode(201)
                .body("overdue", equalTo(true)).body("expectedPercent", equalTo(100)).extract().jsonPath().getLong("id");

        given().queryParam("concern", "LAGGING").queryParam("unit", "19").queryParam("size", 500).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", hasItem((int) behind))
                .body("items.id", not(hasItem((int) onTime))).body("items.id", not(hasItem((int) late)));
        given().queryParam("concern", "OVERDUE").queryParam("unit", "19").queryParam("size", 500).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", hasItem((int) late)).body("items.id", not(hasItem((int) behind)));
    }

    @Test
    void aDoneTaskIsNeitherOverdueNorLaggingAndChangesNeedIfMatch() {
        long plan = currentPlan();
        LocalDate today = LocalDate.now();
        long task = add(plan, task(today.minusDays(100), today.minusDays(1), 90)).statusCode(201)
                .extract().jsonPath().getLong("id");
        String etag = given().when().get("/api/v1/plans/{plan}/tasks/{task}", plan, task).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("status", "DONE", "percentDone", 100))
                .when().patch("/api/v1/plans/{plan}/tasks/{task}", plan, task).then().statusCode(428);
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "DONE")).when().patch("/api/v1/plans/{plan}/tasks/{task}", plan, task)
                .then().statusCode(400).body("errors[0].field", equalTo("percentDone"));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("status", "DONE", "percentDone", 100)).when().patch("/api/v1/plans/{plan}/tasks/{task}", plan, task)
                .then().statusCode(200).body("overdue", equalTo(false)).body("revision", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("percentDone", 50)).when().patch("/api/v1/plans/{plan}/tasks/{task}", plan, task)
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.editor("06")).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("percentDone", 50)).when().patch("/api/v1/plans/{plan}/tasks/{task}", plan, task)
                .then().statusCode(403);
    }

    @Test
    void hostileTasksAreA400NamingTheField() {
        long plan = currentPlan();
        LocalDate today = LocalDate.now();
        add(plan, task(today, today.minusDays(1), 0)).statusCode(400).body("errors[0].field", equalTo("endDate"));
        add(plan, task(today.minusYears(5), today, 0)).statusCode(400).body("errors[0].field", equalTo("startDate"));
        add(plan, task(today, today, 101)).statusCode(400).body("errors[0].field", equalTo("percentDone"));
        Map<String, Object> negative = task(today, today, 0);
        negative.put("budget", -1);
        add(plan, negative).statusCode(400).body("errors[0].field", equalTo("budget"));
        Map<String, Object> twoLines = task(today, today, 0);
        twoLines.put("partnerAgencies", List.of("Sở Công Thương\nSở Tài chính"));
        add(plan, twoLines).statusCode(400).contentType("application/problem+json");
        given().queryParam("concern", "LATE").when().get("/api/v1/tasks").then().statusCode(400)
                .body("errors[0].field", equalTo("concern"));
        given().when().get("/api/v1/tasks").then().statusCode(400).body("errors[0].field", equalTo("concern"));
        given().when().get("/api/v1/plans/{id}/tasks", plan).then().statusCode(200).body("size()", equalTo(0));
    }
}
