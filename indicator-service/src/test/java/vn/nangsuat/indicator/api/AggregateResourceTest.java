package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.provincereplica.ReplicaUnit;
import vn.nangsuat.provincereplica.UnitComposition;
import vn.nangsuat.rules.Period;

/** National and regional values on real-sized numbers: sums of parts, then divide; never a mean of ratios. */
@QuarkusTest
class AggregateResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProvinceReplica replica;

    @BeforeEach
    void knowTheUnits() throws SQLException {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);
        record("19", "GRDP", "2021", 150000, "OFFICIAL");
        record("06", "GRDP", "2021", 15000, "PRELIMINARY");
        record("19", "EMPLOYED_WORKERS", "2021", 780, "OFFICIAL");
        record("06", "EMPLOYED_WORKERS", "2021", 190, "OFFICIAL");
        // A ratio reported without its parts: an aggregate must not use it.
        record("19", "LABOUR_PRODUCTIVITY", "2021", 999, "ESTIMATE");
    }

    @AfterEach
    void forgetValues() throws SQLException {
        ObservationFixtures.forgetValues(dataSource);
    }

    @Test
    void labourProductivityOfSeveralUnitsIsTheRatioOfTheirSumsNotTheMeanOfTheirRatios() {
        // (150000 + 15000) / (780 + 190) = 170.103093; the mean of 192.31 and 78.95 would be 135.63.
        String answer = given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("period", "2021")
                .when().get("/api/v1/aggregates")
                .then().statusCode(200)
                .body("numerator", equalTo(165000)).body("denominator", equalTo(970))
                .body("unitsCounted", equalTo(List.of("06", "19")))
                .body("unitsMissing", not(hasItems("06", "19")))
                .body("statuses", equalTo(List.of("PRELIMINARY", "OFFICIAL")))
                .extract().asString();
        assertEquals(new BigDecimal("170.103093"), decimal(answer, "value"));
    }

    @Test
    void aNationalSeriesGivesEachPeriodItsOwnAggregate() {
        String answer = given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("from", "2020").queryParam("to", "2021")
                .when().get("/api/v1/aggregates/series")
                .then().statusCode(200).body("items.period", equalTo(List.of("2020", "2021")))
                .body("items[0].value", nullValue()).extract().asString();
        assertEquals(new BigDecimal("170.103093"), decimal(answer, "items[1].value"));
        given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("from", "2022").queryParam("to", "2021")
                .when().get("/api/v1/aggregates/series").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("from", "2021Q1").queryParam("to", "2021")
                .when().get("/api/v1/aggregates/series").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("from", "2021").queryParam("to", "2101")
                .when().get("/api/v1/aggregates/series").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void additiveValuesAreSummedAndARegionCountsOnlyItsUnits() {
        given().queryParam("indicator", "GRDP").queryParam("period", "2021").queryParam("region", "NORTHERN_MIDLANDS_MOUNTAINS")
                .when().get("/api/v1/aggregates")
                .then().statusCode(200).body("value", equalTo(165000)).body("region", equalTo("NORTHERN_MIDLANDS_MOUNTAINS"));
        given().queryParam("indicator", "GRDP").queryParam("period", "2021").queryParam("region", "RED_RIVER_DELTA")
                .when().get("/api/v1/aggregates")
                .then().statusCode(200).body("value", nullValue()).body("unitsCounted", equalTo(List.of()));
    }

    @Test
    void growthIsDerivedFromItsBaseInBothPeriods() {
        record("19", "GRDP_CONSTANT", "2021", 100000, "OFFICIAL");
        record("06", "GRDP_CONSTANT", "2021", 10000, "OFFICIAL");
        record("19", "GRDP_CONSTANT", "2022", 107000, "OFFICIAL");
        record("06", "GRDP_CONSTANT", "2022", 10500, "OFFICIAL");
        record("19", "EMPLOYED_WORKERS", "2022", 790, "OFFICIAL");
        record("06", "EMPLOYED_WORKERS", "2022", 188, "OFFICIAL");
        // (117500 / 978) / (110000 / 970) - 1 = 5.944413 %
        String answer = given().queryParam("indicator", "LABOUR_PRODUCTIVITY_GROWTH").queryParam("period", "2022")
                .when().get("/api/v1/aggregates")
                .then().statusCode(200).body("unitsCounted", equalTo(List.of("06", "19"))).extract().asString();
        assertEquals(new BigDecimal("5.944413"), decimal(answer, "value"));
    }

    @Test
    void nationalGrowthSpansTheMergersSinceTheCountryIsTheSameWhateverItsUnits() throws SQLException {
        // Every unit in force at the end of 2024 (63 in the real data) and of 2025 (34) reports: the same country.
        List<String> before = replica.unitsOn(LocalDate.of(2024, 12, 31)).stream().map(ReplicaUnit::code).distinct().toList();
        List<String> after = replica.unitsOn(LocalDate.of(2025, 12, 31)).stream().map(ReplicaUnit::code).distinct().toList();
        StringBuilder csv = new StringBuilder("unit,indicator,period,value,status\n");
        for (String unit : before) {
            csv.append(unit).append(",GRDP_CONSTANT,2024,").append(unit.equals("06") ? 10000 : 100000).append(",OFFICIAL\n");
            csv.append(unit).append(",EMPLOYED_WORKERS,2024,").append(unit.equals("06") ? 200 : 1000).append(",OFFICIAL\n");
        }
        for (String unit : after) {
            csv.append(unit).append(",GRDP_CONSTANT,2025,").append(unit.equals("19") ? 220000 : 106000).append(",OFFICIAL\n");
            csv.append(unit).append(",EMPLOYED_WORKERS,2025,").append(unit.equals("19") ? 1200 : 1000).append(",OFFICIAL\n");
        }
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv").body(csv.toString())
                .when().post("/api/v1/observations/imports").then().statusCode(201);
        try {
            BigDecimal grdp2024 = BigDecimal.valueOf(100000L * before.size() - (before.contains("06") ? 90000 : 0));
            BigDecimal workers2024 = BigDecimal.valueOf(1000L * before.size() - (before.contains("06") ? 800 : 0));
            BigDecimal grdp2025 = BigDecimal.valueOf(106000L * after.size() + (after.contains("19") ? 114000 : 0));
            BigDecimal workers2025 = BigDecimal.valueOf(1000L * after.size() + (after.contains("19") ? 200 : 0));
            BigDecimal expected = grdp2025.divide(workers2025, 6, java.math.RoundingMode.HALF_EVEN)
                    .divide(grdp2024.divide(workers2024, 6, java.math.RoundingMode.HALF_EVEN), 10, java.math.RoundingMode.HALF_EVEN)
                    .subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100)).setScale(6, java.math.RoundingMode.HALF_EVEN);
            String answer = given().queryParam("indicator", "LABOUR_PRODUCTIVITY_GROWTH").queryParam("period", "2025")
                    .when().get("/api/v1/aggregates").then().statusCode(200).body("unitsMissing", equalTo(List.of()))
                    .extract().asString();
            assertEquals(expected.stripTrailingZeros(), decimal(answer, "value").stripTrailingZeros());
            // A region across the mergers: its 2025 units, and in 2024 the same territory (the units they were made
            // of, whatever region those were in), never the units that happened to carry the region's name in 2024.
            String region = "NORTHERN_MIDLANDS_MOUNTAINS";
            BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            List<String> counted = new ArrayList<>();
            for (UnitComposition unit : replica.territoriesOn(LocalDate.of(2025, 12, 31), region)) {
                counted.add(unit.code());
                sums[0] = sums[0].add(BigDecimal.valueOf(unit.code().equals("19") ? 220000 : 106000));
                sums[1] = sums[1].add(BigDecimal.valueOf(unit.code().equals("19") ? 1200 : 1000));
                for (String part : unit.in(Period.parse("2024").orElseThrow()).codes()) {
                    sums[2] = sums[2].add(BigDecimal.valueOf(part.equals("06") ? 10000 : 100000));
                    sums[3] = sums[3].add(BigDecimal.valueOf(part.equals("06") ? 200 : 1000));
                }
            }
            BigDecimal regional = sums[0].divide(sums[1], 6, java.math.RoundingMode.HALF_EVEN)
                    .divide(sums[2].divide(sums[3], 6, java.math.RoundingMode.HALF_EVEN), 10, java.math.RoundingMode.HALF_EVEN)
                    .subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100)).setScale(6, java.math.RoundingMode.HALF_EVEN);
            String regionAnswer = given().queryParam("indicator", "LABOUR_PRODUCTIVITY_GROWTH").queryParam("period", "2025")
                    .queryParam("region", region).when().get("/api/v1/aggregates")
                    .then().statusCode(200).body("unitsCounted", equalTo(counted)).body("complete", equalTo(true))
                    .extract().asString();
            assertEquals(regional, decimal(regionAnswer, "value"));
        } finally {
            try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
                sql.executeUpdate("DELETE FROM observation WHERE indicator_code IN ('GRDP_CONSTANT', 'EMPLOYED_WORKERS')"
                        + " AND period IN ('2024', '2025')");
            }
            ObservationFixtures.valuesChangedBehindTheServicesBack();
        }
    }

    @Test
    void aMergedUnitsGrowthIsOneNumberWhereverItIsRead() {
        // The case. 2024: the old 19 has 80,000 at constant prices and 800 workers (100 a worker), 06 has
        // 10,000 and 200 (50 a worker); 2025: the new 19 (made of both) has 90,000 and 1,000 (90 a worker). On the
        // same territory 2024 is (80,000 + 10,000) / (800 + 200) = 90: growth 0 %, not 90 / 100 - 1 = -10 %.
        record("19", "GRDP_CONSTANT", "2024", 80000, "OFFICIAL");
        record("19", "EMPLOYED_WORKERS", "2024", 800, "OFFICIAL");
        record("06", "GRDP_CONSTANT", "2024", 10000, "OFFICIAL");
        record("06", "EMPLOYED_WORKERS", "2024", 200, "OFFICIAL");
        record("19", "GRDP_CONSTANT", "2025", 90000, "OFFICIAL");
        record("19", "EMPLOYED_WORKERS", "2025", 1000, "OFFICIAL");

        String section = given().queryParam("indicator", "LABOUR_PRODUCTIVITY_GROWTH").queryParam("period", "2025")
                .when().get("/api/v1/cross-sections").then().statusCode(200)
                .body("units.find { it.unit == '19' }.derived", equalTo(true)).extract().asString();
        assertEquals(0, decimal(section, "units.find { it.unit == '19' }.value").signum());

        String harmonized = given().queryParam("unit", "19").queryParam("indicator", "LABOUR_PRODUCTIVITY_GROWTH")
                .queryParam("from", "2025").queryParam("to", "2025").queryParam("harmonize", "2025-07-01")
                .when().get("/api/v1/observations/harmonized").then().statusCode(200)
                .body("values[0].units", equalTo(List.of("06", "19"))).extract().asString();
        assertEquals(0, decimal(harmonized, "values[0].value").signum());
    }

    @Test
    void aCrossSectionRanksEveryUnitWithReportedOrDerivedValuesAndTheNationalBeside() {
        String answer = given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("period", "2021")
                .when().get("/api/v1/cross-sections")
                .then().statusCode(200)
                .body("units.unit", equalTo(List.of("19", "06")))
                .body("units.rank", equalTo(List.of(1, 2)))
                .body("units.derived", equalTo(List.of(false, true)))
                .body("units[1].statuses", equalTo(List.of("PRELIMINARY", "OFFICIAL")))
                .body("unitsWithout", not(hasItems("06", "19")))
                .extract().asString();
        assertEquals(new BigDecimal("999"), decimal(answer, "units[0].value"), "19 reported its ratio: taken as reported");
        assertEquals(new BigDecimal("78.947368"), decimal(answer, "units[1].value"), "06's from its parts: 15000 / 190");
        assertEquals(new BigDecimal("170.103093"), decimal(answer, "national"), "the national from the parts, not from 999");

        record("19", "TFP_CONTRIBUTION", "2021", 35.5, "OFFICIAL");
        given().queryParam("indicator", "TFP_CONTRIBUTION").queryParam("period", "2021")
                .when().get("/api/v1/cross-sections")
                .then().statusCode(200).body("units.unit", equalTo(List.of("19"))).body("national", nullValue());
    }

    @Test
    void aReportedOnlyIndicatorIsNeverAggregated() {
        given().queryParam("indicator", "TFP_CONTRIBUTION").queryParam("period", "2021")
                .when().get("/api/v1/aggregates")
                .then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        given().queryParam("indicator", "GRDP").queryParam("period", "2021Q1")
                .when().get("/api/v1/aggregates").then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().queryParam("period", "2021").when().get("/api/v1/aggregates")
                .then().statusCode(400).body("errors[0].field", equalTo("indicator"));
    }

    /** A number of the answer read exactly (REST Assured reads JSON numbers as floats by default). */
    private static BigDecimal decimal(String json, String path) {
        Object number = JsonPath.from(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL)).get(path);
        return new BigDecimal(String.valueOf(number));  // a whole number comes as an Integer
    }

    private static void record(String unit, String indicator, String period, Number value, String status) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("value", value, "status", status))
                .when().put("/api/v1/observations/" + unit + "/" + indicator + "/" + period).then().statusCode(201);
    }
}
