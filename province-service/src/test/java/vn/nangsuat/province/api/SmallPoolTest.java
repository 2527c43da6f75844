package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import vn.nangsuat.kit.testing.SmallPoolContract;
import vn.nangsuat.kit.testing.TestTokens;

/** province-service's reads of units, histories, lineage and crosswalks, and a write, on a pool of two. */
@QuarkusTest
@TestProfile(SmallPoolContract.TwoConnections.class)
class SmallPoolTest extends SmallPoolContract {

    @Override
    protected List<String> databaseReads() {
        return List.of("/api/v1/provinces/38", "/api/v1/provinces?asOf=2025-06-30&size=100", "/api/v1/provinces/19/history",
                "/api/v1/provinces/19/lineage", "/api/v1/provinces/crosswalk?from=2025-06-30&to=2025-07-01",
                "/api/v1/provinces?q=thai%20nguyen");
    }

    /** Unit reads come from memory; a change locks the unit's row first (refused afterwards: its If-Match is stale). */
    @Override
    protected Response requestNeedingTheDatabase() {
        return given().auth().oauth2(TestTokens.admin()).header("If-Match", "\"stale\"").contentType(ContentType.JSON)
                .body(Map.of("effectiveDate", "2032-01-01", "name", "Tỉnh Ba Tám", "kind", "PROVINCE"))
                .when().post("/api/v1/provinces/38/changes");
    }
}
