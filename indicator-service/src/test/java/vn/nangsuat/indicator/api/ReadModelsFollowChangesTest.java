package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * A unit's series, cross-sections, aggregates and aggregate series are read models, computed again when what they rest
 * on changes and never at a read: each write below is in the very next read, since the write's answer waits for the
 * read models it moved. Bắc Kạn (06) and Thái Nguyên (19) in 2021.
 */
@QuarkusTest
class ReadModelsFollowChangesTest {

    private static final String CROSS_SECTION = "/api/v1/cross-sections?indicator=GRDP&period=2021";
    private static final String SERIES = "/api/v1/observations?unit=19&indicator=GRDP";
    private static final String AGGREGATE = "/api/v1/aggregates?indicator=GRDP&period=2021&region=NORTHERN_MIDLANDS_MOUNTAINS";
    private static final String VALUE = "/api/v1/observations/19/GRDP/2021";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void onlyTheseValues() throws SQLException {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);
    }

    @AfterEach
    void forgetValues() throws SQLException {
        ObservationFixtures.forgetValues(dataSource);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static String write(String etag, Number value) {
        RequestSpecification put = admin().body(Map.of("value", value, "status", "OFFICIAL", "source", "test"));
        return (etag == null ? put : put.header("If-Match", etag)).when().put(VALUE).then()
                .statusCode(etag == null ? 201 : 200).extract().header("ETag");
    }

    private static int rank(String unit) {
        return given().when().get(CROSS_SECTION).then().statusCode(200).extract().jsonPath().getList("units.unit")
                .indexOf(unit);
    }

    private static double number(String read, String path) {
        return given().when().get(read).then().statusCode(200).extract().jsonPath().getDouble(path);
    }

    @Test
    void everyWriteOfAValueIsInTheNextReadOfEachReadModel() {
        given().when().get(CROSS_SECTION).then().statusCode(200).body("units.unit", not(hasItem("19")))
                .body("unitsWithout", hasItems("06", "19"));
        given().when().get(SERIES).then().statusCode(200).body("items", empty());
        String previous = given().when().get(AGGREGATE).then().statusCode(200).extract().header("ETag");

        String etag = write(null, 100);                                                       // recorded
        assertEquals(100, number(CROSS_SECTION, "units.find { it.unit == '19' }.value"));
        given().when().get(CROSS_SECTION).then().body("unitsWithout", hasItem("06")).body("unitsWithout", not(hasItem("19")));
        assertEquals(100, number(SERIES, "items[0].value"));
        given().header("If-None-Match", previous).when().get(AGGREGATE).then().statusCode(200);
        assertEquals(100, number(AGGREGATE, "value"));

        etag = write(etag, 120);                                                              // corrected
        assertEquals(120, number(CROSS_SECTION, "units.find { it.unit == '19' }.value"));
        assertEquals(120, number(SERIES, "items[0].value"));
        given().when().get(SERIES).then().body("items[0].revision", equalTo(2));
        assertEquals(120, number("/api/v1/aggregates/series?indicator=GRDP&from=2021&to=2021"
                + "&region=NORTHERN_MIDLANDS_MOUNTAINS", "items[0].value"));

        admin().header("If-Match", etag).when().delete(VALUE).then().statusCode(204);      // deleted
        given().when().get(CROSS_SECTION).then().body("units.unit", not(hasItem("19"))).body("unitsWithout", hasItem("19"));
        given().when().get(SERIES).then().body("items", empty());

        given().auth().oauth2(TestTokens.admin()).contentType("text/csv")                     // imported
                .body("unit,indicator,period,value,status\n19,GRDP,2021,150000,OFFICIAL\n06,GRDP,2021,15000,OFFICIAL\n")
                .when().post("/api/v1/observations/imports").then().statusCode(201);
        given().when().get(CROSS_SECTION).then().body("units.unit", hasItems("19", "06"))
                .body("unitsWithout", not(hasItem("19"))).body("unitsWithout", not(hasItem("06")));
        assertEquals(165000, number(AGGREGATE, "value"));
    }

    @Test
    void aRedefinedIndicatorIsInTheNextRead() {
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv")
                .body("unit,indicator,period,value,status\n19,GRDP,2021,150000,OFFICIAL\n06,GRDP,2021,15000,OFFICIAL\n")
                .when().post("/api/v1/observations/imports").then().statusCode(201);
        assertTrue(rank("19") < rank("06"), "the higher first");
        String etag = given().when().get("/api/v1/indicators/GRDP").then().extract().header("ETag");
        String lowerIsBetter = admin().header("If-Match", etag).body(Map.of("better", "LOWER"))
                .when().patch("/api/v1/indicators/GRDP").then().statusCode(200).extract().header("ETag");
        try {
            assertTrue(rank("06") < rank("19"), "ranked the other way: the lower first");
        } finally {
            admin().header("If-Match", lowerIsBetter).body(Map.of("better", "HIGHER"))
                    .when().patch("/api/v1/indicators/GRDP").then().statusCode(200);
        }
        assertTrue(rank("19") < rank("06"), "and back");
    }
}
