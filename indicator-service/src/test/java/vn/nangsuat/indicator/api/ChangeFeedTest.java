package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * The change feed as a peer system pulls it: everything recorded since it last asked, page by page, deletions
 * included, each revision once.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final String CHANGES = "/api/v1/observations/changes";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void knowTheUnits() throws SQLException {
        ObservationFixtures.knowBacKanAndThaiNguyen(dataSource);
    }

    @AfterEach
    void forgetValues() throws SQLException {
        ObservationFixtures.forgetValues(dataSource);
    }

    @Test
    void aClientFollowingNextSeesEveryRevisionOnceInOrderDeletionsIncluded() throws InterruptedException {
        Instant since = Instant.now();
        Thread.sleep(5);
        String etag = admin().body(Map.of("value", 100, "status", "ESTIMATE")).when().put("/api/v1/observations/06/GRDP/2021")
                .then().statusCode(201).extract().header("ETag");
        etag = admin().header("If-Match", etag).body(Map.of("value", 101, "status", "PRELIMINARY"))
                .when().put("/api/v1/observations/06/GRDP/2021").then().statusCode(200).extract().header("ETag");
        admin().header("If-Match", etag).when().delete("/api/v1/observations/06/GRDP/2021").then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv")
                .body("unit,indicator,period,value,status\n19,GRDP,2021,5,OFFICIAL\n19,GRDP,2022,6,OFFICIAL\n")
                .when().post("/api/v1/observations/imports").then().statusCode(201);
        Thread.sleep(400);  // past the feed's settle time (200 ms in tests)

        List<String> seen = new ArrayList<>();
        JsonPath page = given().queryParam("updatedAfter", since.toString()).queryParam("unit", "06")
                .queryParam("unit", "19").queryParam("size", 2).when().get(CHANGES)
                .then().statusCode(200).body("more", equalTo(true)).extract().jsonPath();
        int pages = 1;
        while (true) {
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                seen.add(item.get("unit") + " " + item.get("period") + " r" + item.get("revision")
                        + (Boolean.TRUE.equals(item.get("deleted")) ? " deleted" : " " + item.get("value"))
                        + (item.get("supersededAt") != null ? " superseded" : ""));
            }
            if (!page.getBoolean("more")) {
                break;
            }
            page = given().queryParam("cursor", page.getString("next")).queryParam("unit", "06").queryParam("unit", "19")
                    .queryParam("size", 2).when().get(CHANGES).then().statusCode(200).extract().jsonPath();
            pages++;
        }
        assertEquals(List.of("06 2021 r1 100 superseded", "06 2021 r2 101 superseded", "06 2021 r3 deleted", "19 2021 r1 5", "19 2022 r1 6"), seen);
        assertEquals(3, pages);

        // Polling with the last cursor gives nothing new until something is recorded.
        given().queryParam("cursor", page.getString("next")).queryParam("unit", "06").queryParam("unit", "19")
                .when().get(CHANGES).then().statusCode(200).body("items.size()", equalTo(0))
                .body("next", equalTo(page.getString("next")));
    }

    @Test
    void aFeedNeedsOneStartingPointItWrote() {
        given().when().get(CHANGES).then().statusCode(400).body("errors[0].field", equalTo("updatedAfter"));
        given().queryParam("updatedAfter", "2026-01-01T00:00:00Z").queryParam("cursor", "x").when().get(CHANGES)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", "bm90IGEgY3Vyc29y").when().get(CHANGES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().queryParam("updatedAfter", "yesterday").when().get(CHANGES).then().statusCode(400)
                .body("errors[0].field", equalTo("updatedAfter"));
        given().queryParam("updatedAfter", "2026-01-01T00:00:00Z").queryParam("size", 5000).when().get(CHANGES)
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }
}
