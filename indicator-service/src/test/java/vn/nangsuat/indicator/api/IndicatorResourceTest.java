package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndicatorResourceTest {

    @Test
    void theDecisionsIndicatorsAreDefined() {
        given().when().get("/api/v1/indicators")
                .then().statusCode(200)
                .body("totalItems", equalTo(6))
                .body("items.code", hasItems("GRDP", "EMPLOYED_WORKERS", "LABOUR_PRODUCTIVITY",
                        "LABOUR_PRODUCTIVITY_GROWTH", "TFP_CONTRIBUTION"));
    }

    @Test
    void labourProductivityIsARatioOfTwoAdditiveIndicators() {
        given().when().get("/api/v1/indicators/LABOUR_PRODUCTIVITY")
                .then().statusCode(200)
                .body("aggregation", equalTo("RATIO"))
                .body("numerator", equalTo("GRDP"))
                .body("denominator", equalTo("EMPLOYED_WORKERS"))
                .body("unit", equalTo("million VND per worker"));
        given().when().get("/api/v1/indicators/GRDP")
                .then().statusCode(200).body("aggregation", equalTo("ADDITIVE")).body("numerator", nullValue());
    }

    @Test
    void aDefinitionCarriesAnEtagAndIsNotModifiedWhileUnchanged() {
        String etag = given().when().get("/api/v1/indicators/GRDP").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/indicators/GRDP").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get("/api/v1/indicators/GRDP").then().statusCode(200);
    }

    @Test
    void aPageOfDefinitionsCarriesAnEtagOfItsContent() {
        String etag = given().when().get("/api/v1/indicators").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/indicators").then().statusCode(304);
        given().queryParam("size", 2).header("If-None-Match", etag).when().get("/api/v1/indicators")
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void tfpContributionIsNeverCombined() {
        given().when().get("/api/v1/indicators/TFP_CONTRIBUTION")
                .then().statusCode(200).body("aggregation", equalTo("NON_ADDITIVE"));
    }

    @Test
    void anUnknownOrMalformedCodeIsAProblem() {
        given().when().get("/api/v1/indicators/NOPE")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/indicators/not-a-code")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("code"));
        given().queryParam("size", 0).when().get("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("page", "first").when().get("/api/v1/indicators")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }
}
