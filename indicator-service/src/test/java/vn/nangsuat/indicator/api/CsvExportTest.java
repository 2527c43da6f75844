package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/** Every query a spreadsheet user wants is also a CSV download: `Accept: text/csv` or `?format=csv`. */
@QuarkusTest
class CsvExportTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void values() throws SQLException {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=UTF-8")
                .body("unit,indicator,period,value,status,source,note\n19,GRDP,2021,150000,OFFICIAL,\"Niên giám, 2022\",\n"
                        + "06,GRDP,2021,15000.5,PRELIMINARY,,\n19,EMPLOYED_WORKERS,2021,780,OFFICIAL,,\n"
                        + "06,EMPLOYED_WORKERS,2021,190,OFFICIAL,,\n")
                .when().post("/api/v1/observations/imports").then().statusCode(201);
    }

    @AfterEach
    void forgetValues() throws SQLException {
        ObservationFixtures.forgetValues(dataSource);
    }

    @Test
    void aSeriesIsACsvWithAHeaderAndQuotedFields() {
        byte[] csv = given().accept("text/csv").queryParam("unit", "19").queryParam("indicator", "GRDP")
                .when().get("/api/v1/observations").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("ETag", org.hamcrest.Matchers.notNullValue()).extract().asByteArray();
        List<String> lines = lines(csv);
        assertEquals("unit,indicator,period,value,status,source,note,revision,deleted,recordedBy,recordedAt,supersededAt",
                lines.get(0));
        assertEquals(true, lines.get(1).startsWith("19,GRDP,2021,150000,OFFICIAL,\"Niên giám, 2022\",,1,false,test-admin,"),
                lines.get(1));
        given().queryParam("format", "csv").queryParam("unit", "19").queryParam("indicator", "GRDP")
                .when().get("/api/v1/observations").then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void aCrossSectionAndAnAggregateAreCsvToo() {
        List<String> section = lines(given().accept("text/csv").queryParam("indicator", "LABOUR_PRODUCTIVITY")
                .queryParam("period", "2021").when().get("/api/v1/cross-sections").then().statusCode(200)
                .extract().asByteArray());
        assertEquals("rank,unit,name,value,derived,statuses", section.get(0));
        assertEquals("1,19,\"Thái Nguyên\",192.307692,true,OFFICIAL", section.get(1));
        assertEquals("2,06,\"Bắc Kạn\",78.95,true,PRELIMINARY;OFFICIAL", section.get(2));

        List<String> aggregate = lines(given().queryParam("format", "csv").queryParam("indicator", "GRDP")
                .queryParam("period", "2021").queryParam("region", "NORTHERN_MIDLANDS_MOUNTAINS")
                .when().get("/api/v1/aggregates").then().statusCode(200).extract().asByteArray());
        assertEquals("indicator,period,region,value,numerator,denominator,unitsCounted,unitsMissing,statuses,unitsInForce,denominatorShare,complete,reason,published", aggregate.get(0));
        assertEquals(true, aggregate.get(1).matches("GRDP,2021,\"?NORTHERN_MIDLANDS_MOUNTAINS\"?,165000.5,,,\"?06;19\"?,.*"),
                aggregate.get(1));
    }

    @Test
    void aRefusalIsStillAProblem() {
        given().accept("text/csv").queryParam("unit", "1").queryParam("indicator", "GRDP").when().get("/api/v1/observations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("unit"));
    }

    /** The lines of a CSV answer, after the BOM that tells Excel it is UTF-8. */
    private static List<String> lines(byte[] csv) {
        assertEquals("\uFEFF", new String(csv, 0, 3, StandardCharsets.UTF_8), "a BOM first");
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
    }
}
