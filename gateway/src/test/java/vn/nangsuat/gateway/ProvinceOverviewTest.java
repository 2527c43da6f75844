package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/provinces/{code}/overview}, composed by the gateway; the services' answers are StandInService's. */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class ProvinceOverviewTest {

    @Test
    void theOverviewHoldsTheUnitItsCurrentPlanWithTargetsAndTheLatestKeyValues() {
        given().when().get("/api/v1/provinces/46/overview?asOf=2026-11-29")
                .then().statusCode(200).contentType("application/json")
                .body("code", equalTo("46"))
                .body("asOf", equalTo("2026-11-29"))
                .body("unit.name", equalTo("Huế"))
                // Not the withdrawn plan over the same years, nor the completed or the draft one.
                .body("plan.id", equalTo(7))
                .body("targets.id", contains(41))
                .body("targets[0].progress.status", equalTo("ON_TRACK"))
                // In the configured order, the latest of each, a derived labour productivity among them.
                .body("latestValues.indicator", contains("LABOUR_PRODUCTIVITY_CONSTANT", "GRDP_CONSTANT", "EMPLOYED_WORKERS"))
                .body("latestValues[0].period", equalTo("2024"))
                .body("latestValues[0].derived", equalTo(true))
                .body("latestValues[1].period", equalTo("2024"))
                .body("warnings", empty());
    }

    @Test
    void theCurrentPlanIsTheOneCoveringTheYearAskedAbout() {
        given().when().get("/api/v1/provinces/46/overview?asOf=2019-05-01")
                .then().statusCode(200).body("plan.id", equalTo(6)).body("plan.state", equalTo("COMPLETED"));
        given().when().get("/api/v1/provinces/46/overview?asOf=2012-01-01")
                .then().statusCode(200).body("$", hasKey("plan")).body("plan", nullValue()).body("targets", empty());
    }

    @Test
    void theEtagIsOverTheComposedBodyAndAnUnchangedOneIsA304() {
        String etag = given().when().get("/api/v1/provinces/46/overview?asOf=2026-11-29")
                .then().statusCode(200).header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\"")).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/provinces/46/overview?asOf=2026-11-29")
                .then().statusCode(304);
        // Another date, another plan: another body, another tag.
        given().header("If-None-Match", etag).when().get("/api/v1/provinces/46/overview?asOf=2019-05-01")
                .then().statusCode(200);
    }

    @Test
    void theServicesAreAskedUnderTheClientsRequestId() {
        given().header("X-Request-Id", "overview-7").when().get("/api/v1/provinces/46/overview")
                .then().statusCode(200).header("X-Request-Id", "overview-7");
        assertEquals("overview-7", StandInService.OVERVIEW_REQUEST_ID.get());
    }

    @Test
    void aCodeNoUnitHasIsProvinceServicesOwn404AnsweringTheOverviewsPath() {
        given().when().get("/api/v1/provinces/06/overview")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No unit has code 06 on 2026-11-29"))
                .body("instance", equalTo("/api/v1/provinces/06/overview"));
    }

    @Test
    void aMalformedCodeOrDateIsA400NamingTheField() {
        given().when().get("/api/v1/provinces/4x/overview")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://nangsuat.vn/problems/invalid-input"))
                .body("errors[0].field", equalTo("code"));
        given().when().get("/api/v1/provinces/46/overview?asOf=yesterday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", equalTo("must be a date (ISO 8601) such as 2025-07-01"));
    }

    @Test
    void theMergedContractDescribesTheOverview() {
        given().when().get("/openapi.json")
                .then().statusCode(200)
                .body("paths.'/api/v1/provinces/{code}/overview'.get.operationId", equalTo("provinceOverview"))
                .body("components.schemas.ProvinceOverview.required", contains("code", "asOf", "unit", "plan", "targets",
                        "latestValues", "warnings"))
                .body("components.schemas", hasKey("OverviewWarning"));
    }
}
