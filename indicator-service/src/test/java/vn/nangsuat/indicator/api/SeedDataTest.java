package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.provincereplica.testing.ReplicaFixtures;

/** The published 2022 labour productivity of 51 provinces is there for a newcomer, as revisable values. */
@QuarkusTest
@TestProfile(SeedDataTest.Seeding.class)
class SeedDataTest {

    public static class Seeding implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("imports.seed", "true");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void thePublishedFiguresAreImportedOnceTheUnitsAreKnown() throws Exception {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);  // the replica knows 06 and 19, the country ...
        ObservationFixtures.knowTheCountry(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // A database where the seed was imported before (a developer's devstack) starts without it.
            sql.executeUpdate("DELETE FROM observation WHERE recorded_by = 'seed'");
            sql.executeUpdate("DELETE FROM import_job WHERE submitted_by = 'seed'");
            // ... and, as province.units would tell it, the other 49 units of 2022 (their 2004 codes).
            sql.executeUpdate("INSERT IGNORE INTO province_replica_unit (code, valid_from, valid_to, name, kind, region,"
                    + " region_derived, revision, last_event_id, events_applied, updated_at) SELECT c.code, '2004-01-01',"
                    + " '2025-06-30', CONCAT('Tỉnh ', c.code), 'PROVINCE', 'RED_RIVER_DELTA', 0, 0, 'test', 0, NOW() FROM"
                    + " (SELECT '01' AS code UNION SELECT '02' UNION SELECT '04' UNION SELECT '08' UNION SELECT '10'"
                    + " UNION SELECT '12' UNION SELECT '14' UNION SELECT '15' UNION SELECT '20' UNION SELECT '22'"
                    + " UNION SELECT '24' UNION SELECT '25' UNION SELECT '26' UNION SELECT '27' UNION SELECT '30'"
                    + " UNION SELECT '31' UNION SELECT '33' UNION SELECT '34' UNION SELECT '35' UNION SELECT '37'"
                    + " UNION SELECT '40' UNION SELECT '42' UNION SELECT '44' UNION SELECT '45' UNION SELECT '46'"
                    + " UNION SELECT '49' UNION SELECT '51' UNION SELECT '54' UNION SELECT '58' UNION SELECT '60'"
                    + " UNION SELECT '62' UNION SELECT '64' UNION SELECT '70' UNION SELECT '72' UNION SELECT '74'"
                    + " UNION SELECT '77' UNION SELECT '79' UNION SELECT '80' UNION SELECT '82' UNION SELECT '83'"
                    + " UNION SELECT '84' UNION SELECT '86' UNION SELECT '89' UNION SELECT '91' UNION SELECT '92'"
                    + " UNION SELECT '93' UNION SELECT '94' UNION SELECT '95' UNION SELECT '96') c");
        }
        ReplicaFixtures.reload();
        Instant deadline = Instant.now().plusSeconds(60);
        while (given().when().get("/api/v1/observations/79/LABOUR_PRODUCTIVITY/2022").statusCode() != 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        given().when().get("/api/v1/observations/79/LABOUR_PRODUCTIVITY/2022").then().statusCode(200)
                .body("value", equalTo(332.1f)).body("status", equalTo("OFFICIAL")).body("recordedBy", equalTo("seed"))
                .body("source", containsString("General Statistics Office"));
        given().when().get("/api/v1/observations/19/LABOUR_PRODUCTIVITY/2022").then().statusCode(200)
                .body("value", equalTo(243.9f));
        // Reported ratios without their parts: shown and ranked, never combined onto the 34 units.
        given().queryParam("unit", "19").queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("harmonize", "2025-07-01")
                .queryParam("from", "2022").when().get("/api/v1/observations/harmonized").then().statusCode(200)
                .body("leftOut[0].period", equalTo("2022"))
                .body("leftOut[0].reason", containsString("reported without its parts cannot be combined"));
        // The national figures published by GSO, recorded for VN through the same import, shown beside the provinces.
        while (given().when().get("/api/v1/observations/VN/TFP_CONTRIBUTION/2019").statusCode() != 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        given().when().get("/api/v1/observations/VN/LABOUR_PRODUCTIVITY_GROWTH/2023").then().statusCode(200)
                .body("value", equalTo(3.65f)).body("recordedBy", equalTo("seed"));
        given().queryParam("indicator", "LABOUR_PRODUCTIVITY").queryParam("period", "2023")
                .when().get("/api/v1/aggregates").then().statusCode(200).body("published", equalTo(199.3f));
        given().queryParam("indicator", "TFP_CONTRIBUTION").queryParam("period", "2019")
                .when().get("/api/v1/cross-sections").then().statusCode(200)
                .body("nationalPublished", equalTo(46.11f)).body("units.unit", not(hasItem("VN")));
        ObservationFixtures.forgetValues(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // So the next run on this database seeds again (the key makes it once per database).
            sql.executeUpdate("DELETE FROM observation WHERE recorded_by = 'seed'");
            sql.executeUpdate("DELETE FROM import_job WHERE submitted_by = 'seed'");
        }
        ObservationFixtures.valuesChangedBehindTheServicesBack();
    }
}
