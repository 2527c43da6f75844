package vn.nangsuat.indicator.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * Bulk imports as a provincial IT system uses them: a CSV or JSON file in one request, checked row by row, committed
 * whole or not at all, announced once per series, safe to retry, and refused with the line and field of each fault.
 */
@QuarkusTest
class ImportResourceTest {

    private static final String IMPORTS = "/api/v1/observations/imports";
    private static final String HEADER = "unit,indicator,period,value,status\n";

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

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
    void aCsvWithBomAndSemicolonsIsImportedWholeAndAnnouncedOncePerSeries() {
        String csv = "\uFEFFunit;indicator;period;value;status;source;note\n"
                + "19;GRDP;2021;150000;OFFICIAL;Niên giám thống kê 2022;\n"
                + "19;GRDP;2022;160000;PRELIMINARY;;\n"
                + "19;EMPLOYED_WORKERS;2021;820.4;OFFICIAL;;\"ghi chú; có dấu chấm phẩy\"\n"
                + "06;GRDP;2021;15000;OFFICIAL;;\n";
        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            csv(TestTokens.admin()).body(csv).when().post(IMPORTS).then().statusCode(201)
                    .header("Location", containsString(IMPORTS + "/"))
                    .body("state", equalTo("SUCCEEDED")).body("format", equalTo("CSV"))
                    .body("progress.rowsRead", equalTo(4)).body("progress.rowsCommitted", equalTo(4))
                    .body("changes.added", equalTo(4)).body("errorCount", equalTo(0));

            var grdp = events.await(e -> "19:GRDP".equals(e.key()), 1, Duration.ofSeconds(10)).get(0).event().path("data");
            assertEquals(2, grdp.path("changes").size(), "one event for the series, naming both periods");
            assertEquals("2021", grdp.path("changes").path(0).path("period").asText());
            assertEquals(160000, grdp.path("changes").path(1).path("value").asInt());
            events.await(e -> "06:GRDP".equals(e.key()), 1, Duration.ofSeconds(10));
        }
        given().when().get("/api/v1/observations/19/GRDP/2021").then().statusCode(200)
                .body("value", equalTo(150000)).body("source", equalTo("Niên giám thống kê 2022"))
                .body("recordedBy", equalTo("test-admin"));
        given().when().get("/api/v1/observations/19/EMPLOYED_WORKERS/2021").then().statusCode(200)
                .body("value", equalTo(820.4f)).body("note", equalTo("ghi chú; có dấu chấm phẩy"));

        // The nightly push of the same file adds no revision.
        csv(TestTokens.admin()).body(csv).when().post(IMPORTS).then().statusCode(201)
                .body("changes.unchanged", equalTo(4)).body("changes.added", equalTo(0));
        given().when().get("/api/v1/observations/19/GRDP/2021/history").then().body("size()", equalTo(1));
    }

    @Test
    void aJsonArrayIsImportedAndACorrectionIsANewRevision() {
        String rows = "[{\"unit\": \"19\", \"indicator\": \"GRDP\", \"period\": \"2023\", \"value\": 170000.25,"
                + " \"status\": \"ESTIMATE\"}]";
        json().body(rows).when().post(IMPORTS).then().statusCode(201).body("format", equalTo("JSON"))
                .body("changes.added", equalTo(1));
        json().body(rows.replace("ESTIMATE", "PRELIMINARY")).when().post(IMPORTS).then().statusCode(201)
                .body("changes.revised", equalTo(1));
        given().when().get("/api/v1/observations/19/GRDP/2023/history").then()
                .body("status", equalTo(List.of("ESTIMATE", "PRELIMINARY"))).body("revision", equalTo(List.of(1, 2)));
    }

    @Test
    void anInvalidRowRefusesTheWholeImportNamingLineAndField() {
        String csv = HEADER
                + "19,GRDP,2021,1e400,OFFICIAL\n"
                + "19,GRDP,2022,NaN,OFFICIAL\n"
                + "19,EMPLOYED_WORKERS,2021,-5,OFFICIAL\n"
                + "19,GRDP,2024Q5,1,OFFICIAL\n"
                + "06,GRDP,2026,1,OFFICIAL\n"
                + "19,GRDP,2024-01,1,OFFICIAL\n"
                + "19,GRDP,2023,1,GUESS\n"
                + "19,GRDP,2023\n"
                + "\uFEFF19,GRDP,2019,1,OFFICIAL\n"
                + "19,GRDP,2018,Infinity,OFFICIAL\n"
                + "19,GRDP,2024-13,1,OFFICIAL\n"
                + "19,GRDP,24,1,OFFICIAL\n"
                + "19,EXPORTS,2021,1,OFFICIAL\n"
                + "00,GRDP,2021,1,OFFICIAL\n"
                + "19,GRDP,2017,0e-999999999,OFFICIAL\n"
                + "19,GRDP,2020,5,OFFICIAL\n";
        csv(TestTokens.admin()).body(csv).when().post(IMPORTS).then().statusCode(400)
                .contentType("application/problem+json").body("type", startsWith("https://nangsuat.vn/problems/"))
                .body("errorCount", equalTo(15))
                .body("errors.line", equalTo(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)))
                .body("errors.field", equalTo(List.of("value", "value", "value", "period", "unit", "period", "status",
                        "row", "unit", "value", "period", "period", "indicator", "unit", "value")))
                .body("errors[0].value", equalTo("1e400"))
                .body("errors[4].message", containsString("ceased on 2025-06-30 and became part of"))
                .body("errors[7].message", containsString("has 3 fields where the header has 5"))
                .body("job", containsString(IMPORTS))
                .body("detail", equalTo("15 rows are invalid: nothing was imported (onError=skip commits the valid ones)"));
        // Read in a provincial office: the refusal in Vietnamese, the same rows and fields.
        csv(TestTokens.admin()).header("Accept-Language", "vi").body(csv).when().post(IMPORTS).then().statusCode(400)
                .header("Content-Language", "vi").body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("detail", equalTo("15 dòng không hợp lệ: chưa có gì được nhập (onError=skip ghi nhận các dòng hợp lệ)"))
                .body("errors[0].field", equalTo("value"));
        given().when().get("/api/v1/observations/19/GRDP/2020").then().statusCode(404);

        csv(TestTokens.admin()).queryParam("onError", "skip").body(csv).when().post(IMPORTS).then().statusCode(201)
                .body("state", equalTo("SUCCEEDED")).body("progress.rowsCommitted", equalTo(1))
                .body("errorCount", equalTo(15));
        given().when().get("/api/v1/observations/19/GRDP/2020").then().statusCode(200).body("value", equalTo(5));
    }

    @Test
    void aKeyGivenTwiceIsRefusedOnEachOfItsLines() {
        String file = HEADER + "19,GRDP,2021,1,OFFICIAL\n19,GRDP,2022,2,OFFICIAL\n19,GRDP,2021,3,OFFICIAL\n";
        csv(TestTokens.admin()).body(file).when().post(IMPORTS).then().statusCode(400)
                .body("errors.line", equalTo(List.of(2, 4))).body("errors.field", equalTo(List.of("row", "row")))
                .body("errors[0].message", containsString("line 4 give a value for the same unit"));
        given().when().get("/api/v1/observations/19/GRDP/2022").then().statusCode(404);

        // Skipping them, neither value is taken, nor announced.
        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            csv(TestTokens.admin()).queryParam("onError", "skip").body(file).when().post(IMPORTS).then().statusCode(201)
                    .body("changes.added", equalTo(1)).body("errorCount", equalTo(2));
            var changes = events.await(e -> "19:GRDP".equals(e.key()), 1, Duration.ofSeconds(10)).get(0).event()
                    .path("data").path("changes");
            assertEquals(1, changes.size());
            assertEquals("2022", changes.get(0).path("period").asText());
        }
        given().when().get("/api/v1/observations/19/GRDP/2021").then().statusCode(404);
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtItsLine() {
        refused(HEADER + "19,GRDP,2021,\"5,OFFICIAL\n19,GRDP,2022,6,OFFICIAL\n", "file");
        refused("unit,indicator,period,value,status,colour\n19,GRDP,2021,5,OFFICIAL,red\n", "header")
                .body("errors[0].line", equalTo(1)).body("errors[0].message", containsString("unknown column 'colour'"));
        refused("unit,indicator,value\n", "header").body("errors[0].message", containsString("period is missing"));
        refused("", "header");
        refused(HEADER + "19,GRDP,2021,5,OFFICIAL\n19,GRDP,2022,6,\"" + "x".repeat(10 * 1024 * 1024) + "\"\n", "field");

        byte[] latin1 = (HEADER + "19,GRDP,2021,5,OFFICIAL\n19,GRDP,2022,6,OFFICIAL,Hà Nội\n").getBytes(StandardCharsets.ISO_8859_1);
        csv(TestTokens.admin()).body(latin1).when().post(IMPORTS).then().statusCode(400)
                .body("errors[0].field", equalTo("encoding"));
        json().body("[{\"unit\": \"19\", \"indicator\": \"GRDP\", \"period\": \"2021\", \"value\": NaN, \"status\": \"OFFICIAL\"}]")
                .when().post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("body"));
        json().body("{\"unit\": \"19\"}").when().post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("body"));
        json().body("[{\"unit\": \"19\", \"indicator\": \"GRDP\", \"period\": \"2021\", \"value\": 1, \"status\": \"OFFICIAL\","
                + " \"note\": \"\\uD800\"}]").when().post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("note"));
        json().body("[{\"unit\": \"19\", \"indicator\": \"GRDP\", \"period\": \"2021\", \"value\": 1, \"status\": \"OFFICIAL\","
                + " \"colour\": \"red\"}]").when().post(IMPORTS).then().statusCode(400)
                .body("errors[0].field", equalTo("row")).body("errors[0].message", containsString("unknown member colour"));
        given().when().get("/api/v1/observations/19/GRDP/2021").then().statusCode(404);
    }

    @Test
    void replaceDeletesTheValuesOfItsScopeThatTheFileNoLongerHolds() {
        csv(TestTokens.admin()).body(HEADER + "19,GRDP,2021,1,OFFICIAL\n19,GRDP,2022,2,OFFICIAL\n19,GRDP,2023,3,OFFICIAL\n"
                + "19,GRDP,2020,0.5,OFFICIAL\n06,GRDP,2021,9,OFFICIAL\n").when().post(IMPORTS).then().statusCode(201);
        String file = HEADER + "19,GRDP,2021,1.5,OFFICIAL\n";

        replace().queryParam("dryRun", true).body(file).when().post(IMPORTS).then().statusCode(201)
                .body("dryRun", equalTo(true)).body("mode", equalTo("REPLACE"))
                .body("changes.revised", equalTo(1)).body("changes.deleted", equalTo(2))
                .body("progress.rowsCommitted", equalTo(0));
        given().when().get("/api/v1/observations/19/GRDP/2022").then().statusCode(200);

        try (EventsProbe events = EventsProbe.open("indicator.events")) {
            replace().body(file).when().post(IMPORTS).then().statusCode(201)
                    .body("scope.indicators", equalTo(List.of("GRDP"))).body("scope.units", equalTo(List.of("19")))
                    .body("changes.revised", equalTo(1)).body("changes.deleted", equalTo(2));
            var changes = events.await(e -> "19:GRDP".equals(e.key()), 1, Duration.ofSeconds(10)).get(0).event()
                    .path("data").path("changes");
            assertEquals("2021 false 2022 true 2023 true", changes.get(0).path("period").asText() + " "
                    + changes.get(0).path("deleted").asBoolean() + " " + changes.get(1).path("period").asText() + " "
                    + changes.get(1).path("deleted").asBoolean() + " " + changes.get(2).path("period").asText() + " "
                    + changes.get(2).path("deleted").asBoolean(), "one event: the revision and the deletions, in order");
        }
        given().when().get("/api/v1/observations/19/GRDP/2022").then().statusCode(404);
        given().when().get("/api/v1/observations/19/GRDP/2022/history").then().body("deleted", equalTo(List.of(false, true)));
        given().when().get("/api/v1/observations/19/GRDP/2021").then().body("value", equalTo(1.5f));
        given().when().get("/api/v1/observations/19/GRDP/2020").then().statusCode(200);  // before the scope
        given().when().get("/api/v1/observations/06/GRDP/2021").then().statusCode(200);  // another unit

        replace().body(HEADER + "06,GRDP,2021,1,OFFICIAL\n").when().post(IMPORTS).then().statusCode(400)
                .body("errors[0].message", containsString("outside the declared scope"));
        csv(TestTokens.admin()).queryParam("from", "2021").body(file).when().post(IMPORTS).then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aReplaceSkippingARowThatFailedLeavesItsStoredValueAsItWas() {
        csv(TestTokens.admin()).body(HEADER + "19,GRDP,2021,1,OFFICIAL\n19,GRDP,2022,2,OFFICIAL\n19,GRDP,2023,3,OFFICIAL\n")
                .when().post(IMPORTS).then().statusCode(201);
        // 2022's new row fails (no number): skipped and listed, its stored 2 stays; 2023, which the file omits, goes.
        String file = HEADER + "19,GRDP,2021,1.5,OFFICIAL\n19,GRDP,2022,two,OFFICIAL\n";
        replace().queryParam("onError", "skip").queryParam("dryRun", true).body(file).when().post(IMPORTS).then()
                .statusCode(201).body("changes.deleted", equalTo(1)).body("errorCount", equalTo(1));
        replace().queryParam("onError", "skip").body(file).when().post(IMPORTS).then().statusCode(201)
                .body("changes.revised", equalTo(1)).body("changes.deleted", equalTo(1))
                .body("errorCount", equalTo(1)).body("errors[0].line", equalTo(3));
        given().when().get("/api/v1/observations/19/GRDP/2022").then().statusCode(200).body("value", equalTo(2));
        given().when().get("/api/v1/observations/19/GRDP/2023").then().statusCode(404);
    }

    @Test
    void aRefusedImportCountsEveryErrorItsKeysGivenTwiceAmongThem() {
        // Two rows fail their checks and two give the same key: four errors, refused or skipped, dry run or not.
        String file = HEADER + "19,GRDP,2021,x,OFFICIAL\n19,GRDP,2022,1,GUESS\n19,GRDP,2023,1,OFFICIAL\n"
                + "19,GRDP,2023,2,OFFICIAL\n";
        csv(TestTokens.admin()).body(file).when().post(IMPORTS).then().statusCode(400)
                .body("errorCount", equalTo(4)).body("errors.line", equalTo(List.of(2, 3, 4, 5)));
        csv(TestTokens.admin()).queryParam("onError", "skip").queryParam("dryRun", true).body(file).when().post(IMPORTS)
                .then().statusCode(201).body("errorCount", equalTo(4));
    }

    @Test
    void anEditorsImportTouchingAnotherProvinceIsRefusedWholeNamingTheLines() {
        // A token of Bắc Kạn (06) touching Thái Nguyên (19): 19's values are not 06's to write.
        csv(TestTokens.editor("06")).body(HEADER + "06,GRDP,2021,1,OFFICIAL\n19,GRDP,2021,2,OFFICIAL\n19,GRDP,2022,3,OFFICIAL\n")
                .when().post(IMPORTS).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("19")).body("errors.line", equalTo(List.of(3, 4)))
                .body("errors.field", hasItems("unit"));
        given().when().get("/api/v1/observations/06/GRDP/2021").then().statusCode(404);
        csv(TestTokens.editor("06")).body(HEADER + "06,GRDP,2021,1,OFFICIAL\n").when().post(IMPORTS).then().statusCode(201);
        // The new Thái Nguyên's office keeps Bắc Kạn's past: its editors import 06's values for the years 06 stood.
        csv(TestTokens.editor("19")).body(HEADER + "06,GRDP,2020,4,OFFICIAL\n").when().post(IMPORTS).then().statusCode(201);
        given().contentType("text/csv").body(HEADER).when().post(IMPORTS).then().statusCode(401);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndChangesNothing() {
        String key = UUID.randomUUID().toString();
        String file = HEADER + "19,GRDP,2021,1,OFFICIAL\n";
        String job = csv(TestTokens.admin()).header("Idempotency-Key", key).body(file).when().post(IMPORTS)
                .then().statusCode(201).extract().path("id");
        csv(TestTokens.admin()).header("Idempotency-Key", key).body(file).when().post(IMPORTS)
                .then().statusCode(201).body("id", equalTo(job)).body("changes.added", equalTo(1));
        given().when().get("/api/v1/observations/19/GRDP/2021/history").then().body("size()", equalTo(1));

        csv(TestTokens.admin()).header("Idempotency-Key", key).body(HEADER + "19,GRDP,2021,2,OFFICIAL\n").when().post(IMPORTS)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        given().when().get("/api/v1/observations/19/GRDP/2021").then().body("value", equalTo(1));
    }

    @Test
    void aLargeImportIsAJobToFollow() throws InterruptedException {
        StringBuilder file = new StringBuilder(HEADER);
        for (int month = 1; month <= 12; month++) {
            file.append("19,GRDP,").append(2010 + month).append(',').append(month).append(",OFFICIAL\n");
        }
        String location = csv(TestTokens.admin()).header("Prefer", "respond-async").body(file.toString()).when().post(IMPORTS)
                .then().statusCode(202).header("Retry-After", equalTo("1"))
                .body("state", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "SUCCEEDED"))
                .body("progress.bytesTotal", equalTo(file.length())).extract().header("Location");
        String state = "QUEUED";
        for (int attempt = 0; attempt < 100 && !state.equals("SUCCEEDED"); attempt++) {
            Thread.sleep(100);
            state = given().auth().oauth2(TestTokens.admin()).when().get(location).then().statusCode(200).extract().path("state");
        }
        given().auth().oauth2(TestTokens.admin()).when().get(location).then().body("state", equalTo("SUCCEEDED"))
                .body("progress.rowsCommitted", equalTo(12)).body("finishedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.editor("19")).when().get(location).then().statusCode(404);
    }

    private ValidatableResponse refused(String body, String field) {
        return csv(TestTokens.admin()).body(body).when().post(IMPORTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    private static RequestSpecification replace() {
        return csv(TestTokens.admin()).queryParam("mode", "replace").queryParam("indicator", "GRDP")
                .queryParam("unit", "19").queryParam("from", "2021").queryParam("to", "2024");
    }

    private static RequestSpecification csv(String token) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8");
    }

    private static RequestSpecification json() {
        return given().auth().oauth2(TestTokens.admin()).contentType("application/json");
    }
}
