package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;

/** An admin extends and corrects the catalogue; every write is announced on indicator.events. */
@QuarkusTest
class IndicatorAdminTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Snapshots snapshots;

    @BeforeEach
    @AfterEach
    void forgetTestIndicators() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM indicator_definition WHERE code LIKE 'TEST\\_%'");
        }
        snapshots.reloadNow(IndicatorCatalog.AGGREGATE);  // deleted behind the service's back
    }

    private static Map<String, Object> exports(String code) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Exports of goods",
                "nameVi", "Kim ngạch xuất khẩu hàng hóa", "unit", "million USD", "periodicity", "YEAR", "decimals", 1,
                "better", "HIGHER", "aggregation", "ADDITIVE", "overTime", "FLOW",
                "description", "Exports of goods, customs statistics."));
        return body;
    }

    @Test
    void writesNeedAnAdminToken() {
        given().contentType(ContentType.JSON).body(exports("TEST_EXPORTS")).when().post("/api/v1/indicators")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.editor("38")).contentType(ContentType.JSON).body(exports("TEST_EXPORTS"))
                .when().post("/api/v1/indicators").then().statusCode(403);
        given().when().get("/api/v1/indicators/TEST_EXPORTS").then().statusCode(404);
    }

    @Test
    void aDefinedIndicatorIsServedAndAnnounced() {
        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(exports("TEST_EXPORTS"))
                    .when().post("/api/v1/indicators")
                    .then().statusCode(201)
                    .header("Location", containsString("/api/v1/indicators/TEST_EXPORTS"))
                    .header("ETag", not(equalTo(null)))
                    .body("nameVi", equalTo("Kim ngạch xuất khẩu hàng hóa"));
            given().when().get("/api/v1/indicators/TEST_EXPORTS").then().statusCode(200).body("unit", equalTo("million USD"));
            given().when().get("/api/v1/indicators").then().body("items.code", hasItems("TEST_EXPORTS"));

            var defined = events.await(e -> "TEST_EXPORTS".equals(e.key()), 1, Duration.ofSeconds(10));
            assertThat(defined, hasSize(1));
            assertEquals("vn.nangsuat.indicator.defined.v1", defined.get(0).event().path("type").asText());
            assertEquals("ADDITIVE", defined.get(0).event().path("data").path("indicator").path("aggregation").asText());
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(exports("TEST_EXPORTS"))
                .when().post("/api/v1/indicators").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRatioDividesTwoAdditiveIndicatorsAndAGrowthNamesItsBase() {
        Map<String, Object> perWorker = exports("TEST_EXPORTS_PER_WORKER");
        perWorker.putAll(Map.of("aggregation", "RATIO", "overTime", "STOCK", "numerator", "TFP_CONTRIBUTION",
                "denominator", "EMPLOYED_WORKERS"));
        admin().body(perWorker).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("numerator"))
                .body("errors[0].message", containsString("additive"));
        perWorker.put("numerator", "GRDP");
        admin().body(perWorker).when().post("/api/v1/indicators").then().statusCode(201).body("numerator", equalTo("GRDP"));

        Map<String, Object> growth = exports("TEST_GROWTH");
        growth.putAll(Map.of("aggregation", "GROWTH", "overTime", "STOCK"));
        admin().body(growth).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("base"));
        growth.put("base", "TFP_CONTRIBUTION");
        admin().body(growth).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("base"));
        // A growth of a current-price value mixes in the change of prices: measured at constant prices only.
        growth.put("base", "LABOUR_PRODUCTIVITY");
        admin().body(growth).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("base"))
                .body("errors[0].message", containsString("at current prices"));
        given().when().get("/api/v1/indicators/LABOUR_PRODUCTIVITY_CONSTANT").then().statusCode(200)
                .body("prices", equalTo("CONSTANT"));
        growth.put("base", "NO_SUCH_INDICATOR");
        admin().body(growth).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].message", containsString("names no defined indicator"));

        Map<String, Object> additiveWithParts = exports("TEST_ADDITIVE");
        additiveWithParts.put("numerator", "GRDP");
        admin().body(additiveWithParts).when().post("/api/v1/indicators")
                .then().statusCode(400).body("errors[0].field", equalTo("numerator"));
        given().when().get("/api/v1/indicators/TEST_GROWTH").then().statusCode(404);
    }

    @Test
    void howValuesCombineOverTimeIsPartOfTheDefinition() {
        given().when().get("/api/v1/indicators/SCHOOLS_WITH_PRODUCTIVITY_CLUBS").then().statusCode(200)
                .body("overTime", equalTo("STOCK"));
        given().when().get("/api/v1/indicators/SME_PILOT_PROJECTS").then().statusCode(200).body("overTime", equalTo("FLOW"));
        given().when().get("/api/v1/indicators/LABOUR_PRODUCTIVITY_CONSTANT").then().statusCode(200)
                .body("overTime", equalTo("STOCK"));
        Map<String, Object> unsaid = exports("TEST_UNSAID");
        unsaid.remove("overTime");
        admin().body(unsaid).when().post("/api/v1/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("overTime")).body("errors[0].message", containsString("STOCK"));
        Map<String, Object> ratioAsFlow = exports("TEST_RATIO_FLOW");
        ratioAsFlow.putAll(Map.of("aggregation", "RATIO", "numerator", "GRDP", "denominator", "EMPLOYED_WORKERS"));
        admin().body(ratioAsFlow).when().post("/api/v1/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("overTime")).body("errors[0].message", containsString("never summed"));
        given().when().get("/api/v1/indicators/TEST_RATIO_FLOW").then().statusCode(404);
    }

    @Test
    void anInvalidBodyIsA400NamingEachField() {
        Map<String, Object> body = exports("test_lower");
        body.put("decimals", 9);
        body.remove("name");
        admin().body(body).when().post("/api/v1/indicators")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("code", "decimals", "name"));
        admin().body("{\"code\": ").when().post("/api/v1/indicators").then().statusCode(400);
    }

    @Test
    void aCorrectionNeedsTheCurrentEtagAndIsAnnounced() {
        String etag = admin().body(exports("TEST_EXPORTS")).when().post("/api/v1/indicators")
                .then().statusCode(201).extract().header("ETag");
        admin().body(Map.of("name", "Exports")).when().patch("/api/v1/indicators/TEST_EXPORTS").then().statusCode(428);
        admin().header("If-Match", "\"stale\"").body(Map.of("name", "Exports"))
                .when().patch("/api/v1/indicators/TEST_EXPORTS").then().statusCode(412);
        admin().header("If-Match", etag).body(Map.of("name", "Exports of goods"))
                .when().patch("/api/v1/indicators/TEST_EXPORTS").then().statusCode(400);  // changes nothing
        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            String corrected = admin().header("If-Match", etag).body(Map.of("decimals", 2, "better", "LOWER"))
                    .when().patch("/api/v1/indicators/TEST_EXPORTS")
                    .then().statusCode(200).body("decimals", equalTo(2)).body("name", equalTo("Exports of goods"))
                    .header("ETag", not(equalTo(etag))).extract().header("ETag");
            given().when().get("/api/v1/indicators/TEST_EXPORTS")
                    .then().statusCode(200).body("better", equalTo("LOWER")).header("ETag", equalTo(corrected));
            var changed = events.await(e -> "TEST_EXPORTS".equals(e.key()), 1, Duration.ofSeconds(10));
            assertEquals("vn.nangsuat.indicator.changed.v1", changed.get(0).event().path("type").asText());
            assertEquals(1, changed.get(0).event().path("data").path("previous").path("decimals").asInt());
            assertEquals(2, changed.get(0).event().path("data").path("current").path("decimals").asInt());
        }
        admin().header("If-Match", etag).body(Map.of("name", "Exports"))
                .when().patch("/api/v1/indicators/TEST_EXPORTS").then().statusCode(412);
        admin().header("If-Match", etag).body(Map.of("name", "Exports"))
                .when().patch("/api/v1/indicators/TEST_NONE").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }
}
