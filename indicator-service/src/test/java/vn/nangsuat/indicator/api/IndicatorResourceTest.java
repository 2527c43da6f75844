package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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
                .body("totalItems", greaterThanOrEqualTo(11))  // an admin may have added more
                .body("items.code", hasItems("GRDP", "GRDP_CONSTANT", "EMPLOYED_WORKERS", "LABOUR_PRODUCTIVITY",
                        "LABOUR_PRODUCTIVITY_CONSTANT", "LABOUR_PRODUCTIVITY_GROWTH", "TFP_CONTRIBUTION",
                        "ENTERPRISES_USING_TOOLS", "SME_PILOT_PROJECTS", "ECONOMIC_GROUPS_WITH_PLANS",
                        "SCHOOLS_WITH_PRODUCTIVITY_CLUBS"))
                .body("items.periodicity", everyItem(equalTo("YEAR")));
    }

    @Test
    void eachDefinitionSaysItsPublicationForm() {
        given().when().get("/api/v1/indicators/GRDP").then().statusCode(200)
                .body("nameVi", equalTo("Tổng sản phẩm trên địa bàn (giá hiện hành)"))
                .body("unit", equalTo("billion VND")).body("decimals", equalTo(1)).body("better", equalTo("HIGHER"));
        given().when().get("/api/v1/indicators/EMPLOYED_WORKERS").then().statusCode(200).body("better", equalTo("NEUTRAL"));
        given().when().get("/api/v1/indicators/SME_PILOT_PROJECTS").then().statusCode(200)
                .body("aggregation", equalTo("ADDITIVE")).body("decimals", equalTo(0)).body("unit", equalTo("enterprises"));
    }

    @Test
    void productivityGrowthIsTheGrowthOfTheConstantPriceRatio() {
        given().when().get("/api/v1/indicators/LABOUR_PRODUCTIVITY_GROWTH").then().statusCode(200)
                .body("aggregation", equalTo("GROWTH")).body("base", equalTo("LABOUR_PRODUCTIVITY_CONSTANT"))
                .body("numerator", nullValue());
        given().when().get("/api/v1/indicators/LABOUR_PRODUCTIVITY_CONSTANT").then().statusCode(200)
                .body("aggregation", equalTo("RATIO"))
                .body("numerator", equalTo("GRDP_CONSTANT")).body("denominator", equalTo("EMPLOYED_WORKERS"));
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
    void definitionReadsMayBeReusedByASharedCacheForASecond() {
        given().when().get("/api/v1/indicators/GRDP").then().statusCode(200).header("Cache-Control", "s-maxage=1");
        given().when().get("/api/v1/indicators").then().statusCode(200).header("Cache-Control", "s-maxage=1");
    }

    @Test
    void aPageOfDefinitionsCarriesAnEtagOfItsContent() {
        String etag = given().when().get("/api/v1/indicators").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/indicators").then().statusCode(304);
        given().queryParam("size", 2).header("If-None-Match", etag).when().get("/api/v1/indicators")
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void tfpContributionIsTakenAsReported() {
        given().when().get("/api/v1/indicators/TFP_CONTRIBUTION")
                .then().statusCode(200).body("aggregation", equalTo("REPORTED")).body("base", nullValue());
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
