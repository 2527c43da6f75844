package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.nangsuat.plan.api.IndicatorFeed.await;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;
import static vn.nangsuat.plan.api.PlanFixtures.move;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.TestEvents;
import vn.nangsuat.kit.testing.TestTokens;

/**
 * The dashboard and the national goals are read models: kept current from every change they rest on, never computed
 * at a read. A write to this service is in the answer its client reads next (the write's answer waits for the read
 * model); a change that comes as an event (a value recorded, corrected, deleted or imported at indicator-service) is
 * in it within the event latency, as is a unit's change on province.units. Each step changes one thing and reads it
 * back. Bắc Kạn (06) ceased on 30 June 2025: its plan's target is for 2024, the last year that is its own.
 */
@QuarkusTest
class ReadModelsFollowChangesTest extends WithBacKanAndThaiNguyen {

    static final String OUTPUT = "TEST_RM_OUTPUT";

    @BeforeEach
    void knowTheIndicator() throws SQLException {
        IndicatorFeed.define(OUTPUT, "HIGHER", "ADDITIVE");
        IndicatorFeed.known(dataSource, OUTPUT);
    }

    /** The plan's row of the dashboard: Bắc Kạn's (06) plans are carried by the new Thái Nguyên (19). */
    private static String planRow(long plan) {
        return "units.find { it.code == '19' }.plans.find { it.id == " + plan + " }";
    }

    private static JsonPath dashboard() {
        return given().when().get("/api/v1/dashboard").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> targetRow(long plan, long target) {
        return dashboard().getMap(planRow(plan) + ".targets.find { it.id == " + target + " }");
    }

    private static void awaitTarget(long plan, long target, String status, String latestPeriod) {
        awaitTarget(plan, target, row -> status.equals(row.get("status")) && latestPeriod.equals(row.get("latestPeriod")),
                status + " on " + latestPeriod);
    }

    private static void awaitTarget(long plan, long target, Predicate<Map<String, Object>> shows, String what) {
        await(() -> shows.test(targetRow(plan, target)), "the dashboard's target " + what);
    }

    private static void send(String unit, String... changes) {
        IndicatorFeed.send(unit, OUTPUT, TestEvents.cloudEvent(TestEvents.newId(), IndicatorFeed.SOURCE,
                "vn.nangsuat.observation.changed.v1", unit + ":" + OUTPUT, "{\"unit\":\"" + unit + "\",\"indicator\":\""
                        + OUTPUT + "\",\"changes\":[" + String.join(",", changes) + "]}"));
    }

    private static String value(String period, int value, int revision) {
        return "{\"period\":\"" + period + "\",\"value\":" + value + ",\"status\":\"OFFICIAL\",\"revision\":" + revision
                + ",\"deleted\":false}";
    }

    private static String deleted(String period, int revision) {
        return "{\"period\":\"" + period + "\",\"value\":null,\"status\":null,\"revision\":" + revision + ",\"deleted\":true}";
    }

    @Test
    void theDashboardFollowsPlansTargetsMovesAndEveryKindOfValueChange() {
        // Writes to this service: in the very next read.
        long plan = drafted(bacKanPlan());
        assertEquals("DRAFT", dashboard().getString(planRow(plan) + ".state"));
        long target = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("indicator", OUTPUT, "kind", "LEVEL", "baselineYear", 2020, "baselineValue", 100,
                        "targetYear", 2024, "targetValue", 200))
                .when().post("/api/v1/plans/{id}/targets", plan).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals("NO_DATA", targetRow(plan, target).get("status"), "a target just set");
        move(plan, "SUBMITTED").statusCode(200);
        assertEquals("SUBMITTED", dashboard().getString(planRow(plan) + ".state"), "a plan moved");

        // Values, as indicator-service announces them: within the event latency.
        send("06", value("2020", 100, 1), value("2024", 150, 1));
        awaitTarget(plan, target, "NOT_ACHIEVED", "2024");                        // recorded: 150 of 200 by 2024
        send("06", value("2024", 210, 2));
        awaitTarget(plan, target, "ACHIEVED", "2024");                            // corrected
        send("06", deleted("2024", 3));                                           // deleted: 2024 has no value any more
        awaitTarget(plan, target, row -> !"2024".equals(row.get("latestPeriod")) && !"ACHIEVED".equals(row.get("status")),
                "without 2024");
        send("06", value("2023", 190, 1), value("2024", 220, 4));                 // an import's event: several at once
        awaitTarget(plan, target, "ACHIEVED", "2024");
    }

    /** A state of a unit version as province-service's relay writes it on the compacted province.units. */
    private static void sendUnitState(LocalDate validFrom, LocalDate validTo, String name, int revision) {
        String data = "{\"unit\":{\"code\":\"09\",\"name\":\"" + name + "\",\"kind\":\"PROVINCE\","
                + "\"region\":\"SOUTHEAST\",\"regionDerived\":false,\"validFrom\":\"" + validFrom + "\",\"validTo\":"
                + (validTo == null ? "null" : "\"" + validTo + "\"") + ",\"revision\":" + revision + "},\"predecessors\":[]}";
        TestEvents.send("province.units", "09/" + validFrom, TestEvents.cloudEvent(TestEvents.newId(),
                "urn:nangsuat:province-service", "vn.nangsuat.province.unit-state.v1", "09", data));
    }

    private static boolean dashboardLists(String name) {
        return dashboard().getList("units.findAll { it.code == '09' }.name", String.class).contains(name);
    }

    @Test
    void theDashboardFollowsAUnitThatComesIsRenamedAndEnds() {
        // A unit of the tests' own (09 is no province's code), a version in force from a day before today.
        LocalDate from = LocalDate.of(2025, 7, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
        String name = "Tỉnh Thử " + from;
        String renamed = "Tỉnh Thử Mới " + from;

        sendUnitState(from, null, name, 0);
        await(() -> dashboardLists(name), "the new unit");
        sendUnitState(from, null, renamed, 1);
        await(() -> dashboardLists(renamed) && !dashboardLists(name), "the unit renamed");
        sendUnitState(from, from, renamed, 2);                                    // in force on that day alone
        await(() -> !dashboardLists(renamed), "the unit ended");
    }

    @Test
    void aCorrectedNationalGoalIsInTheNextRead() {
        String path = "items.find { it.code == 'PROVINCES_WITH_PLAN' && it.year == 2030 }";
        JsonPath before = given().when().get("/api/v1/national-goals").then().statusCode(200).extract().jsonPath();
        String description = before.getString(path + ".description");
        String etag = given().when().get("/api/v1/national-goals/PROVINCES_WITH_PLAN/2030").then().statusCode(200)
                .extract().header("ETag");
        String corrected = description + " (checked)";
        String correctedTag = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .header("If-Match", etag).body(Map.of("description", corrected))
                .when().patch("/api/v1/national-goals/PROVINCES_WITH_PLAN/2030").then().statusCode(200)
                .extract().header("ETag");
        try {
            given().when().get("/api/v1/national-goals").then().statusCode(200)
                    .body(path + ".description", equalTo(corrected));
            given().when().get("/api/v1/national-goals/PROVINCES_WITH_PLAN/2030").then().statusCode(200)
                    .header("ETag", equalTo(correctedTag));
            assertNotEquals(etag, correctedTag);
        } finally {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", correctedTag)
                    .body(Map.of("description", description))
                    .when().patch("/api/v1/national-goals/PROVINCES_WITH_PLAN/2030").then().statusCode(200);
        }
    }
}
