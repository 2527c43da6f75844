package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * Series comparable across 1 July 2025, when Bắc Kạn (06) became part of Thái Nguyên (19): the new 19's past is the
 * sum of its parts, a ratio is recomputed from them, and what cannot be combined honestly is left out with the reason.
 */
@QuarkusTest
class HarmonizedSeriesTest {

    private static final String HARMONIZED = "/api/v1/observations/harmonized";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void valuesOfBothSidesOfTheMerger() throws SQLException {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);
        String csv = "unit,indicator,period,value,status\n"
                // 2021: both provinces report GRDP (billion VND) and employed workers (thousand)
                + "19,GRDP,2021,140412.2,OFFICIAL\n06,GRDP,2021,15602.8,OFFICIAL\n"
                + "19,EMPLOYED_WORKERS,2021,774.3,OFFICIAL\n06,EMPLOYED_WORKERS,2021,182.6,OFFICIAL\n"
                + "19,TFP_CONTRIBUTION,2021,41.2,OFFICIAL\n06,TFP_CONTRIBUTION,2021,35.0,OFFICIAL\n"
                // 2022: Bắc Kạn reported its productivity without the parts
                + "19,GRDP,2022,150100,PRELIMINARY\n19,EMPLOYED_WORKERS,2022,780,PRELIMINARY\n"
                + "06,LABOUR_PRODUCTIVITY,2022,90.5,PRELIMINARY\n"
                // 2026: the new Thái Nguyên
                + "19,GRDP,2026,190000,ESTIMATE\n19,EMPLOYED_WORKERS,2026,960,ESTIMATE\n";
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv").body(csv).when().post("/api/v1/observations/imports")
                .then().statusCode(201);
    }

    @AfterEach
    void forgetValues() throws SQLException {
        ObservationFixtures.forgetValues(dataSource);
    }

    @Test
    void theNewThaiNguyensPastIsTheRatioOfItsPartsSums() {
        // (140412.2 + 15602.8) / (774.3 + 182.6) = 156015 / 956.9 = 163.042115...
        given().queryParam("unit", "19").queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("indicator", "GRDP")
                .queryParam("harmonize", "2025-07-01").when().get(HARMONIZED)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("unit", equalTo("19")).body("harmonizedTo", equalTo("2025-07-01"))
                .body("values.find { it.indicator == 'LABOUR_PRODUCTIVITY' && it.period == '2021' }.value", equalTo(163.042115f))
                .body("values.find { it.indicator == 'LABOUR_PRODUCTIVITY' && it.period == '2021' }.units", equalTo(List.of("06", "19")))
                .body("values.find { it.indicator == 'LABOUR_PRODUCTIVITY' && it.period == '2021' }.derived", equalTo(true))
                .body("values.find { it.indicator == 'GRDP' && it.period == '2021' }.value", equalTo(156015.0f))
                .body("values.find { it.indicator == 'LABOUR_PRODUCTIVITY' && it.period == '2026' }.units", equalTo(List.of("19")))
                .body("values.find { it.indicator == 'LABOUR_PRODUCTIVITY' && it.period == '2026' }.statuses", equalTo(List.of("ESTIMATE")))
                .body("leftOut.find { it.indicator == 'LABOUR_PRODUCTIVITY' && it.period == '2022' }.reason",
                        containsString("reported without its parts cannot be combined"))
                .body("leftOut.find { it.indicator == 'GRDP' && it.period == '2022' }.reason",
                        containsString("no value of GRDP for 06 in 2022"));
        // The mean of the two provinces' ratios would be (181.34 + 85.45) / 2 = 133.4: never that.
    }

    @Test
    void aReportedOnlyIndicatorIsNeverCombined() {
        given().queryParam("unit", "19").queryParam("indicator", "TFP_CONTRIBUTION").queryParam("harmonize", "2025-07-01")
                .when().get(HARMONIZED).then().statusCode(200)
                .body("values.size()", equalTo(0))
                .body("leftOut.reason", hasItem(containsString("reported only")));
        // On the units of 2021 the same indicator is each province's own figure.
        given().queryParam("unit", "19").queryParam("indicator", "TFP_CONTRIBUTION").queryParam("harmonize", "2021-06-30")
                .queryParam("to", "2024").when().get(HARMONIZED).then().statusCode(200)
                .body("values[0].value", equalTo(41.2f)).body("values[0].derived", equalTo(false));
    }

    @Test
    void harmonizingBackwardsIsRefusedWithTheReason() {
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("harmonize", "2021-01-01")
                .when().get(HARMONIZED).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("harmonize"))
                .body("errors[0].message", containsString("ceased on 2025-06-30"));
        given().queryParam("unit", "06").queryParam("indicator", "GRDP").queryParam("harmonize", "2025-07-01")
                .when().get(HARMONIZED).then().statusCode(400).body("errors[0].field", equalTo("unit"));
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("harmonize", "2025-13-01")
                .when().get(HARMONIZED).then().statusCode(400).body("errors[0].field", equalTo("harmonize"));
        given().queryParam("unit", "19").queryParam("indicator", "GRDP")
                .when().get(HARMONIZED).then().statusCode(400).body("errors[0].field", equalTo("harmonize"));
    }

    @Test
    void aRevisionChangesTheTagAndTheSeries() {
        String tag = given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("harmonize", "2025-07-01")
                .when().get(HARMONIZED).then().statusCode(200).extract().header("ETag");
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("harmonize", "2025-07-01")
                .header("If-None-Match", tag).when().get(HARMONIZED).then().statusCode(304);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("value", 15700, "status", "OFFICIAL")).header("If-Match", given().when()
                        .get("/api/v1/observations/06/GRDP/2021").then().extract().header("ETag"))
                .when().put("/api/v1/observations/06/GRDP/2021").then().statusCode(200);
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("harmonize", "2025-07-01")
                .header("If-None-Match", tag).when().get(HARMONIZED).then().statusCode(200)
                .body("values.find { it.period == '2021' }.value", equalTo(156112.2f));
    }
}
