package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import vn.nangsuat.kit.testing.SmallPoolContract;
import vn.nangsuat.kit.testing.TestTokens;

/** indicator-service's reads of values, series, aggregates, cross-sections and the change feed, on a pool of two. */
@QuarkusTest
@TestProfile(SmallPoolContract.TwoConnections.class)
class SmallPoolTest extends SmallPoolContract {

    @BeforeEach
    void valuesOfBacKanAndThaiNguyen() throws Exception {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);
        for (String[] value : List.of(new String[] {"GRDP_CONSTANT", "80000"}, new String[] {"EMPLOYED_WORKERS", "800"})) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("value", value[1], "status", "OFFICIAL", "source", "test"))
                    .when().put("/api/v1/observations/19/" + value[0] + "/2024").then().statusCode(201);
        }
    }

    @Override
    protected List<String> databaseReads() {
        // A value by key first: it reads the database (the series, aggregates and cross-sections are read models).
        return List.of("/api/v1/observations/19/GRDP_CONSTANT/2024",
                "/api/v1/observations?unit=19&indicator=GRDP_CONSTANT",
                "/api/v1/observations/harmonized?unit=19&indicator=GRDP_CONSTANT&from=2020&harmonize=2025-07-01",
                "/api/v1/cross-sections?indicator=GRDP_CONSTANT&period=2024",
                "/api/v1/aggregates?indicator=GRDP_CONSTANT&period=2024",
                "/api/v1/aggregates/series?indicator=LABOUR_PRODUCTIVITY_CONSTANT&from=2020&to=2025",
                "/api/v1/observations/changes?updatedAfter=2020-01-01T00:00:00Z");
    }
}
