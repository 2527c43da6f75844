package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.province.TestUnits;

/**
 * A mistaken reorganisation, as a new admin makes one: previewed with dryRun before anything is kept, refused when
 * back-dated unless meant, and, once recorded, reverted exactly, with the events that make every replica undo it too.
 */
@QuarkusTest
class ReorganizationPreviewAndRevertTest {

    private static final List<String> CODES = List.of("23", "28", "29");

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void forgetTheTestsUnits() {
        TestUnits.forget(dataSource, CODES);
    }

    /** The mistake: Thanh Hóa (38) and Nghệ An (40) merged into "X" from 2024-01-01. */
    private static Map<String, Object> mergeOf38And40(Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "MERGE", "effectiveDate", "2024-01-01",
                "predecessors", List.of("38", "40"), "successors", List.of(Map.of("code", "38", "name", "X", "kind", "PROVINCE"))));
        body.putAll(more);
        return body;
    }

    @Test
    void aBackDatedReorganisationIsRefusedUnlessTheRequestSaysSo() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(mergeOf38And40(Map.of()))
                .when().post("/api/v1/provinces/reorganizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveDate"))
                .body("errors[0].message", containsString("\"backdated\": true"));
        given().queryParam("asOf", "2024-06-01").when().get("/api/v1/provinces/40").then().statusCode(200)
                .body("name", equalTo("Nghệ An"));
    }

    @Test
    void aDryRunShowsEveryVersionEdgeCountAndEventItWouldChangeAndKeepsNothing() {
        try (EventsProbe events = EventsProbe.open("province.events")) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).queryParam("dryRun", true)
                    .body(mergeOf38And40(Map.of("backdated", true)))
                    .when().post("/api/v1/provinces/reorganizations")
                    .then().statusCode(200)
                    .body("dryRun", equalTo(true))
                    .body("id", nullValue())
                    .body("predecessors.code", contains("38", "40"))
                    .body("predecessors.validTo", contains("2023-12-31", "2023-12-31"))
                    .body("successors[0].name", equalTo("X"))
                    .body("successors[0].validFrom", equalTo("2024-01-01"))
                    .body("lineage.fromCode", contains("38", "40"))
                    .body("lineage.toCode", contains("38", "38"))
                    .body("unitsInForce.find { it.day == '2024-01-01' }.before", equalTo(63))
                    .body("unitsInForce.find { it.day == '2024-01-01' }.after", equalTo(62))
                    .body("events.findAll { it.topic == 'province.events' }.key", contains("38", "40"))
                    .body("events.findAll { it.topic == 'province.units' }.key",
                            hasItems("38/2004-01-01", "40/2004-01-01", "38/2024-01-01"));
            assertTrue(events.drain(Duration.ofSeconds(2)).stream().noneMatch(event -> "vn.nangsuat.province.reorganized.v1"
                    .equals(event.event().path("type").asText())), "a dry run publishes nothing");
        }
        given().queryParam("asOf", "2024-06-01").when().get("/api/v1/provinces/38").then().statusCode(200)
                .body("name", equalTo("Thanh Hóa")).body("validFrom", equalTo("2004-01-01"));
        given().queryParam("asOf", "2024-06-01").when().get("/api/v1/provinces/40").then().statusCode(200)
                .body("name", equalTo("Nghệ An"));
    }

    @Test
    void theLastReorganisationIsRevertedExactlyWithAnEventForEachUnitAndAWithdrawnState() {
        create("23", "Tỉnh Hai Ba");
        create("29", "Tỉnh Hai Chín");
        String before23 = given().when().get("/api/v1/provinces/23/history").then().statusCode(200).extract().asString();
        String before29 = given().when().get("/api/v1/provinces/29/history").then().statusCode(200).extract().asString();
        int id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MERGE", "effectiveDate", "2033-07-01", "predecessors", List.of("23", "29"),
                        "successors", List.of(Map.of("code", "23", "name", "Tỉnh Nhầm", "kind", "PROVINCE"))))
                .when().post("/api/v1/provinces/reorganizations")
                .then().statusCode(200).body("dryRun", equalTo(false)).extract().path("id");
        given().queryParam("asOf", "2033-07-01").when().get("/api/v1/provinces/23").then().body("name", equalTo("Tỉnh Nhầm"));

        try (EventsProbe events = EventsProbe.open("province.events"); EventsProbe states = EventsProbe.open("province.units")) {
            given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/provinces/reorganizations/{id}/revert", id)
                    .then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("reopened.code", contains("23", "29"))
                    .body("reopened.validTo", contains(null, null))
                    .body("withdrawn.name", contains("Tỉnh Nhầm"));
            var reverted = events.await(e -> "vn.nangsuat.province.reorganization-reverted.v1".equals(e.event().path("type")
                    .asText()) && e.event().path("data").path("reorganization").asInt() == id, 2, Duration.ofSeconds(10));
            assertEquals(List.of("23", "29"), reverted.stream().map(EventsProbe.Received::key).sorted().toList());
            var withdrawn = states.await(e -> "23/2033-07-01".equals(e.key()), 1, Duration.ofSeconds(10)).get(0).event();
            assertTrue(withdrawn.path("data").path("withdrawn").asBoolean(), withdrawn.toString());
            assertTrue(withdrawn.path("data").path("predecessors").isEmpty(), withdrawn.toString());
        }
        given().queryParam("asOf", "2033-07-01").when().get("/api/v1/provinces/29").then().statusCode(200)
                .body("name", equalTo("Tỉnh Hai Chín")).body("validTo", nullValue());
        assertEquals(before23, given().when().get("/api/v1/provinces/23/history").then().statusCode(200).extract().asString(),
                "23's versions as they were");
        assertEquals(before29, given().when().get("/api/v1/provinces/29/history").then().statusCode(200).extract().asString(),
                "29's versions as they were");
        given().queryParam("asOf", "2033-07-01").when().get("/api/v1/provinces/23/lineage").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("Tỉnh Nhầm")));

        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/provinces/reorganizations/{id}/revert", id)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("was reverted"));
        given().auth().oauth2(TestTokens.editor("23")).when().post("/api/v1/provinces/reorganizations/{id}/revert", id)
                .then().statusCode(403);
    }

    @Test
    void onlyTheLastReorganisationCanBeReverted() {
        create("23", "Tỉnh Hai Ba");
        create("29", "Tỉnh Hai Chín");
        int first = split29Into29And28("2033-01-01");
        int second = merge23Into29("2034-01-01");
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/provinces/reorganizations/{id}/revert", first)
                .then().statusCode(409).body("detail", containsString("that is " + second));
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/provinces/reorganizations/{id}/revert", 999_999_999)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/provinces/reorganizations/{id}/revert", second)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/provinces/reorganizations/{id}/revert", first)
                .then().statusCode(200);
    }

    private static void create(String code, String name) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "kind", "PROVINCE", "region", "SOUTHEAST", "validFrom", "2031-01-01"))
                .when().post("/api/v1/provinces").then().statusCode(201);
    }

    private static int split29Into29And28(String effective) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "SPLIT", "effectiveDate", effective, "predecessors", List.of("29"),
                        "successors", List.of(Map.of("code", "29", "name", "Bắc Hai Chín", "kind", "PROVINCE"),
                                Map.of("code", "28", "name", "Nam Hai Chín", "kind", "PROVINCE"))))
                .when().post("/api/v1/provinces/reorganizations").then().statusCode(200).extract().path("id");
    }

    private static int merge23Into29(String effective) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "MERGE", "effectiveDate", effective, "predecessors", List.of("23", "29"),
                        "successors", List.of(Map.of("code", "29", "name", "Hợp Nhất", "kind", "PROVINCE"))))
                .when().post("/api/v1/provinces/reorganizations").then().statusCode(200).extract().path("id");
    }
}
