package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NationalGoalResourceTest {

    @Test
    void twelveToFifteenProvincesWithPlansBy2025() {
        given().queryParam("year", 2025).when().get("/api/v1/national-goals")
                .then().statusCode(200)
                .body("items.year", everyItem(equalTo(2025)))
                .body("items.find { it.code == 'PROVINCES_WITH_PLAN' }.comparator", equalTo("BETWEEN"))
                .body("items.find { it.code == 'PROVINCES_WITH_PLAN' }.low", equalTo(12.0f))
                .body("items.find { it.code == 'PROVINCES_WITH_PLAN' }.high", equalTo(15.0f));
    }

    @Test
    void the2030GoalsIncludeThirtyToThirtyFiveProvincesAndFasterGrowth() {
        given().queryParam("year", "2030").when().get("/api/v1/national-goals")
                .then().statusCode(200)
                .body("items.code", hasItems("PROVINCES_WITH_PLAN", "LABOUR_PRODUCTIVITY_GROWTH", "TFP_CONTRIBUTION"))
                .body("items.find { it.code == 'PROVINCES_WITH_PLAN' }.low", equalTo(30.0f))
                .body("items.find { it.code == 'LABOUR_PRODUCTIVITY_GROWTH' }.low", equalTo(7.5f));
    }

    @Test
    void the2025GoalForSchoolsWithClubsIsThereUnverifiedAndAStock() {
        given().queryParam("year", "2025").when().get("/api/v1/national-goals")
                .then().statusCode(200)
                .body("items.find { it.code == 'PRODUCTIVITY_CLUBS' }.low", equalTo(10.0f))
                .body("items.find { it.code == 'PRODUCTIVITY_CLUBS' }.verified", equalTo(false))
                .body("items.find { it.code == 'PRODUCTIVITY_CLUBS' }.measure", equalTo("COUNT"));
    }

    @Test
    void unverifiedFiguresSaySo() {
        given().when().get("/api/v1/national-goals")
                .then().statusCode(200).body("totalItems", equalTo(10)).body("items.verified", everyItem(equalTo(false)));
    }

    @Test
    void theGoalsCarryAnEtagOfTheirContent() {
        String etag = given().when().get("/api/v1/national-goals").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/national-goals").then().statusCode(304);
        given().queryParam("year", 2025).header("If-None-Match", etag).when().get("/api/v1/national-goals")
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void aMalformedYearIsA400NamingIt() {
        given().queryParam("year", "twenty").when().get("/api/v1/national-goals")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("must be a whole number, not 'twenty'"));
        given().queryParam("year", 20300).when().get("/api/v1/national-goals")
                .then().statusCode(400).body("errors[0].field", equalTo("year"))
                .body("errors[0].message", equalTo("must be a four-digit year such as 2030"));
    }

    @Test
    void aBlankYearListsEveryYear() {
        given().queryParam("year", "").when().get("/api/v1/national-goals")
                .then().statusCode(200).body("totalItems", equalTo(10));
    }
}
