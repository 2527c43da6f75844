package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.events.OutboxRelay;
import vn.nangsuat.kit.testing.TestEvents;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

/**
 * Units are read from memory. A write of this instance is seen by the next read; a write of another instance
 * (its commit, then its event on the service's own topic) is seen once that event arrives, not later.
 */
@QuarkusTest
class UnitsInMemoryTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void forgetTheTestUnit() {
        TestUnits.forget(dataSource, List.of("32"));
    }

    @Test
    void aWriteOfThisInstanceIsSeenByTheNextRead() {
        given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces/32").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "32", "name", "Tỉnh Ba Hai", "kind", "PROVINCE", "validFrom", "2031-01-01"))
                .when().post("/api/v1/provinces").then().statusCode(201);
        given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces/32")
                .then().statusCode(200).body("name", equalTo("Tỉnh Ba Hai"));
    }

    @Test
    void aPageOfUnitsIsNotModifiedUntilOneOfItsUnitsChanges() {
        String etag = given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces")
                .then().statusCode(200).extract().header("ETag");
        given().queryParam("asOf", "2031-01-01").header("If-None-Match", etag).when().get("/api/v1/provinces")
                .then().statusCode(304).header("ETag", equalTo(etag));
        given().queryParam("asOf", "2031-01-01").queryParam("size", 5).header("If-None-Match", etag)
                .when().get("/api/v1/provinces").then().statusCode(200).header("ETag", not(equalTo(etag)));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "32", "name", "Tỉnh Ba Hai", "kind", "PROVINCE", "validFrom", "2031-01-01"))
                .when().post("/api/v1/provinces").then().statusCode(201);
        given().queryParam("asOf", "2031-01-01").header("If-None-Match", etag).when().get("/api/v1/provinces")
                .then().statusCode(200).header("ETag", not(equalTo(etag))).body("items.code", hasItem("32"));
    }

    @Test
    void aWriteOfAnotherInstanceIsSeenWhenItsEventArrives() throws Exception {
        String etag = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", "32", "name", "Tỉnh Ba Hai", "kind", "PROVINCE", "validFrom", "2031-01-01"))
                .when().post("/api/v1/provinces").then().statusCode(201).extract().header("ETag");
        given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces/32").then().body("name", equalTo("Tỉnh Ba Hai"));
        // Another instance renames it: its commit (behind this instance's back) ...
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE unit_version SET name = 'Tỉnh Đổi Tên', search_key = 'tinh doi ten',"
                    + " row_version = row_version + 1 WHERE code = '32'");
        }
        // ... then its event, as that instance's relay sends it.
        TestEvents.send("province.events", "32", TestEvents.cloudEvent(TestEvents.newId(), "urn:nangsuat:province-service",
                "vn.nangsuat.province.changed.v1", "32", "{}"), Map.of(OutboxRelay.AGGREGATE_TYPE_HEADER, "province"));
        Instant deadline = Instant.now().plusSeconds(10);
        String name = null;
        while (Instant.now().isBefore(deadline) && !"Tỉnh Đổi Tên".equals(name)) {
            name = given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces/32").then().extract().path("name");
            Thread.sleep(50);
        }
        given().queryParam("asOf", "2031-01-01").when().get("/api/v1/provinces/32")
                .then().body("name", equalTo("Tỉnh Đổi Tên")).header("ETag", not(equalTo(etag)));
    }
}
