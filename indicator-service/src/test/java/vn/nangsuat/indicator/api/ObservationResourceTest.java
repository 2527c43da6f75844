package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * Values per unit and period: recorded, corrected and deleted without losing a revision, read as they stand or as
 * they stood, and refused for a unit not in force, a period of the wrong form, or a province outside the token's.
 */
@QuarkusTest
class ObservationResourceTest {

    private static final String BAC_KAN_GRDP_2021 = "/api/v1/observations/06/GRDP/2021";
    /** Longer than OBSERVATIONS_FEED_SETTLE in tests (200 ms): an instant that long ago is settled. */
    private static final long SETTLE_MS = 300;

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
    void aValueIsRecordedCorrectedAndDeletedWithEveryRevisionKept() throws Exception {
        String first = admin().body(value(120.5, "PRELIMINARY")).when().put(BAC_KAN_GRDP_2021)
                .then().statusCode(201).body("value", equalTo(120.5f)).body("revision", equalTo(1))
                .body("recordedBy", equalTo("test-admin")).extract().header("ETag");
        Instant beforeTheCorrection = Instant.now();
        Thread.sleep(5);
        admin().body(value(121, "OFFICIAL")).when().put(BAC_KAN_GRDP_2021).then().statusCode(428);
        admin().header("If-Match", "\"stale\"").body(value(121, "OFFICIAL")).when().put(BAC_KAN_GRDP_2021).then().statusCode(412);
        String second = admin().header("If-Match", first).body(value(121, "OFFICIAL")).when().put(BAC_KAN_GRDP_2021)
                .then().statusCode(200).body("revision", equalTo(2)).body("status", equalTo("OFFICIAL"))
                .header("ETag", not(equalTo(first))).extract().header("ETag");

        String corrected = given().when().get(BAC_KAN_GRDP_2021).then().statusCode(200).body("value", equalTo(121))
                .header("ETag", equalTo(second)).body("supersededAt", equalTo(null)).extract().path("recordedAt");
        // As it stood before: the first value, superseded when the correction was recorded (asked once settled: an
        // answer as of an instant whose writes may still be committing is refused, see below).
        Thread.sleep(SETTLE_MS);
        given().queryParam("asOf", beforeTheCorrection.toString()).when().get(BAC_KAN_GRDP_2021)
                .then().statusCode(200).body("value", equalTo(120.5f)).body("status", equalTo("PRELIMINARY"))
                .body("supersededAt", equalTo(corrected));

        admin().header("If-Match", second).when().delete(BAC_KAN_GRDP_2021).then().statusCode(204);
        given().when().get(BAC_KAN_GRDP_2021).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("asOf", beforeTheCorrection.toString()).when().get(BAC_KAN_GRDP_2021)
                .then().statusCode(200).body("value", equalTo(120.5f));
        given().when().get(BAC_KAN_GRDP_2021 + "/history").then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2, 3)))
                .body("deleted", equalTo(List.of(false, false, true)))
                .body("[0].supersededAt", equalTo(corrected))
                .body("[1].supersededAt", not(equalTo(null)))
                .body("[2].supersededAt", equalTo(null))
                .body("[2].value", equalTo(null));
        // After a deletion the next value starts again without If-Match, as a new revision.
        admin().body(value(119, "OFFICIAL")).when().put(BAC_KAN_GRDP_2021).then().statusCode(201).body("revision", equalTo(4));
    }

    @Test
    void anAnswerAsOfAnInstantNeverChangesSoAnUnsettledInstantIsRefused() throws Exception {
        // Values recorded up to now may still be committing (an import's carry the instant its commit began): an
        // answer as of now could change once they commit, so it is refused, naming asOf; a settled instant is answered.
        // Each asks as of the instant it is sent: a request that waited would ask for an instant settled meanwhile.
        given().queryParam("asOf", Instant.now().toString()).when().get(BAC_KAN_GRDP_2021)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf")).body("errors[0].message", containsString("must be settled"));
        given().queryParam("asOf", Instant.now().plusSeconds(3600).toString()).queryParam("unit", "19")
                .queryParam("indicator", "GRDP").when().get("/api/v1/observations")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("asOf", Instant.now().toString()).queryParam("indicator", "GRDP").queryParam("period", "2021")
                .when().get("/api/v1/aggregates").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        admin().body(value(120.5, "PRELIMINARY")).when().put(BAC_KAN_GRDP_2021).then().statusCode(201);
        Instant afterTheWrite = Instant.now();
        Thread.sleep(SETTLE_MS);
        String first = given().queryParam("asOf", afterTheWrite.toString()).when().get(BAC_KAN_GRDP_2021)
                .then().statusCode(200).body("value", equalTo(120.5f)).extract().asString();
        Thread.sleep(SETTLE_MS);
        assertEquals(first, given().queryParam("asOf", afterTheWrite.toString()).when().get(BAC_KAN_GRDP_2021)
                .then().statusCode(200).extract().asString(), "the same answer as of the same instant");
    }

    @Test
    void aSingleWriteDuringAnImportsCommitWaitsAndIsRecordedAfterIt() throws Exception {
        // An import's commit takes the write gate alone (as Imports does); a write meanwhile waits for it, and the
        // instant its revision carries is taken after: revision order and time order agree on every key.
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection importing = dataSource.getConnection()) {
            importing.setAutoCommit(false);
            try (Statement gate = importing.createStatement()) {
                gate.executeQuery("SELECT id FROM write_gate WHERE id = 1 FOR UPDATE").close();
            }
            Future<String> write = client.submit(() -> admin().body(value(7, "OFFICIAL")).when().put(BAC_KAN_GRDP_2021)
                    .then().statusCode(201).extract().<String>path("recordedAt"));
            Thread.sleep(500);
            assertTrue(!write.isDone(), "the write waits while the import commits");
            Instant committed = Instant.now();
            importing.commit();
            assertTrue(!Instant.parse(write.get(10, TimeUnit.SECONDS)).isBefore(committed),
                    "and its revision carries an instant after the import's commit");
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aSeriesListsTheValuesOfARangeAsTheyStandOrStood() throws Exception {
        admin().body(value(150000, "OFFICIAL")).when().put("/api/v1/observations/19/GRDP/2021").then().statusCode(201);
        admin().body(value(820.4, "OFFICIAL")).when().put("/api/v1/observations/19/EMPLOYED_WORKERS/2021").then().statusCode(201);
        Instant beforeLaterYears = Instant.now();
        Thread.sleep(5);
        admin().body(value(160000, "PRELIMINARY")).when().put("/api/v1/observations/19/GRDP/2022").then().statusCode(201);
        String etag2023 = admin().body(value(170000, "ESTIMATE")).when().put("/api/v1/observations/19/GRDP/2023")
                .then().statusCode(201).extract().header("ETag");
        admin().header("If-Match", etag2023).when().delete("/api/v1/observations/19/GRDP/2023").then().statusCode(204);

        String seriesTag = given().queryParam("unit", "19").queryParam("indicator", "GRDP", "EMPLOYED_WORKERS")
                .queryParam("from", "2021").queryParam("to", "2023")
                .when().get("/api/v1/observations")
                .then().statusCode(200).body("totalItems", equalTo(3))
                .body("items.indicator", equalTo(List.of("EMPLOYED_WORKERS", "GRDP", "GRDP")))
                .body("items.period", equalTo(List.of("2021", "2021", "2022")))
                .body("items.status", equalTo(List.of("OFFICIAL", "OFFICIAL", "PRELIMINARY")))
                .extract().header("ETag");
        Thread.sleep(SETTLE_MS);
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("asOf", beforeLaterYears.toString())
                .when().get("/api/v1/observations").then().statusCode(200).body("items.period", equalTo(List.of("2021")));
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("from", "2022Q1")
                .when().get("/api/v1/observations").then().body("items.period", equalTo(List.of("2022")));

        given().queryParam("unit", "19").queryParam("indicator", "GRDP", "EMPLOYED_WORKERS")
                .queryParam("from", "2021").queryParam("to", "2023").header("If-None-Match", seriesTag)
                .when().get("/api/v1/observations").then().statusCode(304);
        admin().body(value(161000, "OFFICIAL")).header("If-Match", given().when().get("/api/v1/observations/19/GRDP/2022")
                .then().extract().header("ETag")).when().put("/api/v1/observations/19/GRDP/2022").then().statusCode(200);
        given().queryParam("unit", "19").queryParam("indicator", "GRDP", "EMPLOYED_WORKERS")
                .queryParam("from", "2021").queryParam("to", "2023").header("If-None-Match", seriesTag)
                .when().get("/api/v1/observations").then().statusCode(200).body("items[2].value", equalTo(161000));
    }

    @Test
    void aSeriesQueryNamesWhatIsWrongWithIt() {
        given().queryParam("indicator", "GRDP").when().get("/api/v1/observations")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
        given().queryParam("unit", "19").when().get("/api/v1/observations")
                .then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("from", "2024").queryParam("to", "2021")
                .when().get("/api/v1/observations").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("unit", "19").queryParam("indicator", "GRDP").queryParam("from", "2024Q5")
                .when().get("/api/v1/observations").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("unit", "19").queryParam("indicator", "NO_SUCH")
                .when().get("/api/v1/observations").then().statusCode(404);
    }

    @Test
    void aUnitMustBeInForceOnThePeriodsLastDay() {
        admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/06/GRDP/2026")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("unit"))
                .body("errors[0].message", containsString("ceased on 2025-06-30"))
                .body("errors[0].message", containsString("19"));
        admin().header("Accept-Language", "vi").body(value(10, "ESTIMATE")).when().put("/api/v1/observations/06/GRDP/2026")
                .then().statusCode(400).header("Content-Language", "vi").body("errors[0].field", equalTo("unit"))
                .body("errors[0].message", startsWith("06 (Bắc Kạn) đã chấm dứt vào ngày 2025-06-30 và đã nhập vào 19"))
                .body("errors[0].message", containsString("một kỳ thuộc về các đơn vị đang có hiệu lực vào ngày cuối"));
        // Bắc Kạn ceased on 30 June 2025: 2025 belongs to the new Thái Nguyên (19), which every read counts.
        admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/06/GRDP/2025")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"))
                .body("errors[0].message", containsString("a period belongs to the units in force on its last day"))
                .body("errors[0].message", containsString("belongs to 19"));
        admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/06/GRDP/2024").then().statusCode(201);
        // Before the units are fully modelled (Hà Nội's expansion on 2008-08-01), no period is answered for.
        admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/06/GRDP/2007")
                .then().statusCode(400).body("errors[0].field", equalTo("period"))
                .body("errors[0].message", containsString("2008-08-01"));
        given().queryParam("indicator", "GRDP").queryParam("period", "2007").when().get("/api/v1/aggregates")
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
        admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/98/GRDP/2021")
                .then().statusCode(400).body("errors[0].field", equalTo("unit"));
    }

    @Test
    void theNewThaiNguyensOfficeKeepsBacKansHistoryForTheYearsItStood() {
        // Since 1 July 2025 there is no Bắc Kạn office: the editors of the new Thái Nguyên (19) write its past.
        given().auth().oauth2(TestTokens.editor("19")).contentType(ContentType.JSON).body(value(1200, "OFFICIAL"))
                .when().put("/api/v1/observations/06/GRDP_CONSTANT/2019").then().statusCode(201);
        // Nothing later: 2025 belongs to the new 19 itself, and an editor of another unit keeps none of it.
        given().auth().oauth2(TestTokens.editor("19")).contentType(ContentType.JSON).body(value(1200, "OFFICIAL"))
                .when().put("/api/v1/observations/06/GRDP_CONSTANT/2025").then().statusCode(403)
                .body("errors[0].field", equalTo("provinces"));
        given().auth().oauth2(TestTokens.editor("04")).contentType(ContentType.JSON).body(value(1200, "OFFICIAL"))
                .when().put("/api/v1/observations/06/GRDP_CONSTANT/2019").then().statusCode(403);
        // The successor's history is not the predecessor's editors' to write (06 has no office, and 19 is not its).
        given().auth().oauth2(TestTokens.editor("06")).contentType(ContentType.JSON).body(value(1200, "OFFICIAL"))
                .when().put("/api/v1/observations/19/GRDP_CONSTANT/2019").then().statusCode(403);
    }

    @Test
    void theCountrysFiguresAreWrittenByAnAdminOnly() throws SQLException {
        ObservationFixtures.knowTheCountry(dataSource);
        given().auth().oauth2(TestTokens.editor("VN")).contentType(ContentType.JSON).body(value(4.8, "OFFICIAL"))
                .when().put("/api/v1/observations/VN/LABOUR_PRODUCTIVITY_GROWTH/2021").then().statusCode(403)
                .body("detail", containsString("VN, role admin"));
        admin().body(value(4.8, "OFFICIAL")).when().put("/api/v1/observations/VN/LABOUR_PRODUCTIVITY_GROWTH/2021")
                .then().statusCode(201);
        try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM observation WHERE unit_code = 'VN' AND recorded_by <> 'seed'");
        }
        ObservationFixtures.valuesChangedBehindTheServicesBack();
    }

    @Test
    void aPeriodMustHaveTheFormOfTheIndicatorsPeriodicity() {
        for (String period : List.of("2024Q5", "2024-13", "24", "2024Q1", "2024-01", "%20")) {
            admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/19/GRDP/" + period)
                    .then().statusCode(400).body("errors[0].field", equalTo("period"));
        }
        given().when().get("/api/v1/observations/19/GRDP/2024-01").then().statusCode(400);
        given().when().get("/api/v1/observations/6/GRDP/2021").then().statusCode(400).body("errors[0].field", equalTo("unit"));
        admin().body(value(10, "ESTIMATE")).when().put("/api/v1/observations/19/grdp/2021")
                .then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        given().when().get("/api/v1/observations/19/NO_SUCH/2024").then().statusCode(404);
    }

    @Test
    void aValueMustFitItsIndicator() {
        admin().body(value(-5, "ESTIMATE")).when().put("/api/v1/observations/19/EMPLOYED_WORKERS/2021")
                .then().statusCode(400).body("errors[0].field", equalTo("value"));
        admin().body(value(-1.5, "ESTIMATE")).when().put("/api/v1/observations/19/TFP_CONTRIBUTION/2021").then().statusCode(201);
        for (String raw : List.of("1e400", "0.1234567", "NaN", "\"lots\"", "null")) {
            admin().body("{\"value\": " + raw + ", \"status\": \"ESTIMATE\"}").when().put("/api/v1/observations/19/GRDP/2021")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        admin().body(Map.of("value", 1, "status", "GUESS")).when().put("/api/v1/observations/19/GRDP/2021").then().statusCode(400);
        given().when().get("/api/v1/observations/19/GRDP/2021").then().statusCode(404);
    }

    @Test
    void anEditorWritesOnlyTheProvincesOfItsToken() {
        given().auth().oauth2(TestTokens.editor("19")).contentType(ContentType.JSON).body(value(186000, "PRELIMINARY"))
                .when().put("/api/v1/observations/19/GRDP/2024").then().statusCode(201).body("recordedBy", equalTo("test-province-editor"));
        given().auth().oauth2(TestTokens.editor("04")).contentType(ContentType.JSON).body(value(1, "PRELIMINARY"))
                .when().put(BAC_KAN_GRDP_2021).then().statusCode(403).body("errors[0].field", equalTo("provinces"));
        given().contentType(ContentType.JSON).body(value(1, "PRELIMINARY")).when().put(BAC_KAN_GRDP_2021).then().statusCode(401);
        given().when().get(BAC_KAN_GRDP_2021).then().statusCode(404);
    }

    @Test
    void concurrentFirstValuesLeaveOneAndRefuseTheRestCleanly() throws Exception {
        String token = TestTokens.admin();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier start = new CyclicBarrier(8);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                answers.add(clients.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return given().auth().oauth2(token).contentType(ContentType.JSON).body(value(100 + n, "ESTIMATE"))
                            .when().put("/api/v1/observations/19/GRDP/2023").then().extract().statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(status -> status == 201 || status == 409 || status == 428), statuses.toString());
        } finally {
            clients.shutdownNow();
        }
        given().when().get("/api/v1/observations/19/GRDP/2023/history").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void eachWriteIsAnnouncedForItsSeries() {
        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            admin().body(value(186000.5, "PRELIMINARY")).when().put("/api/v1/observations/19/GRDP/2024").then().statusCode(201);
            var changed = events.await(e -> "19:GRDP".equals(e.key()), 1, Duration.ofSeconds(10));
            var data = changed.get(0).event().path("data");
            assertEquals("vn.nangsuat.observation.changed.v1", changed.get(0).event().path("type").asText());
            assertEquals("2024", data.path("changes").path(0).path("period").asText());
            assertEquals(186000.5, data.path("changes").path(0).path("value").asDouble());
            assertEquals(1, data.path("changes").path(0).path("revision").asInt());
        }
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }

    private static Map<String, Object> value(Number value, String status) {
        return Map.of("value", value, "status", status, "source", "test");
    }
}
