package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.nangsuat.plan.api.IndicatorFeed.await;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.EventsProbe;
import vn.nangsuat.kit.testing.TestEvents;
import vn.nangsuat.kit.testing.TestTokens;
import vn.nangsuat.plan.domain.AssessmentYear;
import vn.nangsuat.plan.domain.ProgressTracker;

/**
 * A target's progress follows the values indicator-service publishes on the real broker, recomputed from state:
 * a redelivered event, a stale revision or a reordered pair changes nothing.
 */
@QuarkusTest
class TargetProgressTest extends WithBacKanAndThaiNguyen {

    @Inject
    ProgressTracker tracker;

    static final String PRODUCTIVITY = "TEST_LP_CONSTANT";
    static final String SMES = "TEST_SME_PROJECTS";
    static final String TFP = "TEST_TFP_SHARE";
    static final String WORKERS = "TEST_WORKERS";
    static final String OUTPUT = "TEST_GRDP_K";
    static final String EMPLOYED = "TEST_WORKERS_K";
    static final String OUTPUT_PER_WORKER = "TEST_LP_OF_PARTS";

    /** The plans here run to 2025 at the latest: their targets' progress is read as in 2025, while a target is paced. */
    private static void assessIn(int year) {
        QuarkusMock.installMockForType(new AssessmentYear() {
            @Override
            public int now() {
                return year;
            }
        }, AssessmentYear.class);
    }

    @BeforeEach
    void knowTheIndicators() throws SQLException {
        assessIn(2025);
        IndicatorFeed.define(PRODUCTIVITY, "HIGHER", "RATIO");
        IndicatorFeed.define(SMES, "HIGHER", "ADDITIVE");
        IndicatorFeed.define(TFP, "HIGHER", "REPORTED");
        IndicatorFeed.define(WORKERS, "NEUTRAL", "ADDITIVE");
        IndicatorFeed.define(OUTPUT, "HIGHER", "ADDITIVE");
        IndicatorFeed.define(EMPLOYED, "NEUTRAL", "ADDITIVE");
        IndicatorFeed.define(OUTPUT_PER_WORKER, "HIGHER", "RATIO", OUTPUT, EMPLOYED);
        IndicatorFeed.known(dataSource, PRODUCTIVITY, SMES, TFP, WORKERS, OUTPUT, EMPLOYED, OUTPUT_PER_WORKER);
    }

    private static Map<String, Object> growthOf7Percent() {
        return new HashMap<>(Map.of("indicator", PRODUCTIVITY, "kind", "GROWTH", "baselineYear", 2020,
                "targetYear", 2025, "targetValue", 7));
    }

    private static ValidatableResponse setTarget(long plan, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/{id}/targets", plan).then();
    }

    private static JsonPath target(long plan, long target) {
        return given().when().get("/api/v1/plans/{plan}/targets/{target}", plan, target).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void awaitStatus(long plan, long target, String status) {
        await(() -> status.equals(target(plan, target).getString("progress.status")), "progress " + status);
    }

    @Test
    void aGrowthTargetFollowsTheValuesOfItsSeries() {
        long plan = drafted(bacKanPlan());
        long target = setTarget(plan, growthOf7Percent()).statusCode(201)
                .body("better", equalTo("HIGHER"))
                .body("progress.status", equalTo("NO_DATA"))
                .extract().jsonPath().getLong("id");

        try (EventsProbe events = EventsProbe.open("plan.events")) {
            IndicatorFeed.record("06", PRODUCTIVITY, "2020", "100", 1);
            IndicatorFeed.record("06", PRODUCTIVITY, "2023", "115", 1);
            awaitStatus(plan, target, "NEEDS_ACCELERATION");
            // (115/100)^(1/3) - 1 = 4.769 %/year against 7 %: ratio 0.6813; 100 * 1.15^(5/3) = 126.23 by 2025.
            JsonPath progress = target(plan, target);
            assertEquals(0.6813f, progress.getFloat("progress.ratio"));
            assertEquals("2023", progress.getString("progress.latestPeriod"));
            assertEquals("PRELIMINARY", progress.getString("progress.latestStatus"));
            assertEquals(140.255173f, progress.getFloat("progress.targetLevel"), 0.001f);

            var changed = events.await(e -> String.valueOf(plan).equals(e.key())
                    && e.event().path("type").asText().equals("vn.nangsuat.plan.target-progress-changed.v1")
                    && e.event().path("data").path("target").path("progress").path("status").asText().equals("NEEDS_ACCELERATION"),
                    1, Duration.ofSeconds(10));
            assertEquals("2023", changed.get(0).event().path("data").path("basedOn").path("period").asText());
            assertEquals(115, changed.get(0).event().path("data").path("basedOn").path("value").asInt());
        }
    }

    @Test
    void aRedeliveredStaleOrReorderedEventChangesNothing() {
        long plan = drafted(bacKanPlan());
        long target = setTarget(plan, growthOf7Percent()).statusCode(201).extract().jsonPath().getLong("id");
        IndicatorFeed.record("06", PRODUCTIVITY, "2020", "100", 1);
        String first = IndicatorFeed.valueChanged(TestEvents.newId(), "06", PRODUCTIVITY, "2023", "115", 1);
        IndicatorFeed.send("06", PRODUCTIVITY, first);
        awaitStatus(plan, target, "NEEDS_ACCELERATION");
        String computedAt = target(plan, target).getString("progress.computedAt");

        try (EventsProbe events = EventsProbe.open("plan.events")) {
            IndicatorFeed.send("06", PRODUCTIVITY, first);                              // redelivered
            IndicatorFeed.record("06", PRODUCTIVITY, "2023", "999", 1);                 // another event, same revision
            IndicatorFeed.record("06", PRODUCTIVITY, "2023", "130", 3);                 // the later revision first,
            IndicatorFeed.record("06", PRODUCTIVITY, "2023", "120", 2);                 // the earlier one after it
            // 100 -> 130 in three years: 9.14 %/year, above the 7 % needed.
            awaitStatus(plan, target, "ON_TRACK");
            List<EventsProbe.Received> progressEvents = events.drain(Duration.ofSeconds(2)).stream()
                    .filter(e -> String.valueOf(plan).equals(e.key())).toList();
            assertThat("one change of progress, for revision 3 only", progressEvents, hasSize(1));
        }
        JsonPath progress = target(plan, target);
        assertEquals(130f, progress.getFloat("progress.latestValue"));
        assertEquals(3, progress.getInt("progress.latestRevision"));
        assertThat(progress.getString("progress.computedAt"), org.hamcrest.Matchers.not(equalTo(computedAt)));
    }

    /**
     * An import's burst: the consumer applies many events together, yet as if one by one. The unusable one (no unit)
     * is parked alone, the one sent again amid it changes nothing, and the last revision is what the target shows.
     */
    @Test
    void aBurstOfSeriesAppliesInOrderWithItsOneUnusableEventParkedAlone() {
        long plan = drafted(bacKanPlan());
        long target = setTarget(plan, growthOf7Percent()).statusCode(201).extract().jsonPath().getLong("id");
        String unusable = TestEvents.newId();
        String twice = IndicatorFeed.valueChanged(TestEvents.newId(), "06", PRODUCTIVITY, "2020", "100", 1);
        List<String> burst = new ArrayList<>(List.of(twice));
        for (int revision = 1; revision <= 150; revision++) {
            burst.add(IndicatorFeed.valueChanged(TestEvents.newId(), "06", PRODUCTIVITY, "2023",
                    String.valueOf(100 + revision), revision));
            if (revision == 75) {
                burst.add(TestEvents.cloudEvent(unusable, IndicatorFeed.SOURCE, "vn.nangsuat.observation.changed.v1",
                        "06:" + PRODUCTIVITY, "{\"indicator\":\"" + PRODUCTIVITY + "\",\"changes\":[]}"));
                burst.add(twice);
            }
        }
        TestEvents.sendAll(IndicatorFeed.TOPIC, "06:" + PRODUCTIVITY, burst);

        await(() -> "150".equals(target(plan, target).getString("progress.latestRevision")), "revision 150");
        JsonPath progress = target(plan, target);
        // 100 in 2020 to 250 in 2023: 35.7 %/year, far above the 7 % needed.
        assertEquals(250f, progress.getFloat("progress.latestValue"));
        assertEquals("ON_TRACK", progress.getString("progress.status"));
        await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM dead_letter_event"
                + " WHERE consumer = 'indicator-replica' AND event_id = '" + unusable + "'") == 1, "the unusable event parked");
        assertEquals(1, IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM dead_letter_event"
                + " WHERE consumer = 'indicator-replica' AND reason LIKE '%unit%' AND event_id = '" + unusable + "'"));
    }

    @Test
    void aDeletedValueTakesTheProgressBackToTheValueBeforeIt() {
        long plan = drafted(bacKanPlan());
        long target = setTarget(plan, growthOf7Percent()).statusCode(201).extract().jsonPath().getLong("id");
        IndicatorFeed.record("06", PRODUCTIVITY, "2020", "100", 1);
        IndicatorFeed.record("06", PRODUCTIVITY, "2022", "116", 1);
        IndicatorFeed.record("06", PRODUCTIVITY, "2023", "101", 1);
        awaitStatus(plan, target, "OFF_TRACK");
        IndicatorFeed.record("06", PRODUCTIVITY, "2023", null, 2);
        // Without 2023, the latest is 2022: (116/100)^(1/2) - 1 = 7.7 %/year.
        awaitStatus(plan, target, "ON_TRACK");
        assertEquals("2022", target(plan, target).getString("progress.latestPeriod"));
    }

    /** A target of the plan: GRDP (the test's OUTPUT) 200 by the year, from 100 in 2020. */
    private static long doubleOutputFrom2020By(long plan, int year) {
        return setTarget(plan, Map.of("indicator", OUTPUT, "kind", "LEVEL", "baselineYear", 2020, "baselineValue", 100,
                "targetYear", year, "targetValue", 200)).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aTargetWhoseYearIsOverIsJudgedOnItsValueNeverShownOnTrack() {
        // GRDP 200 by 2024 from 100 in 2020; 195 recorded for 2024. Paced, (195/100)^(1/4) - 1 = 18.2 %/year is 0.96 of
        // the (200/100)^(1/4) - 1 = 18.9 %/year needed: ON_TRACK. Read in 2025, its year is over: NOT_ACHIEVED.
        long plan = drafted(bacKanPlan());
        long target = doubleOutputFrom2020By(plan, 2024);
        IndicatorFeed.record("06", OUTPUT, "2024", "195", 7);
        awaitStatus(plan, target, "NOT_ACHIEVED");
        JsonPath progress = target(plan, target);
        assertEquals("the target year 2024 is over: its value 195 fell short of the target 200",
                progress.getString("progress.reason"));
        assertNull(progress.get("progress.level"), "no level once the year is over");
    }

    @Test
    void whenItsYearEndsWithoutANewValueATargetIsJudgedAllTheSame() {
        // Read in 2023, GRDP 200 by 2023 from 100 in 2020 with 190 recorded for 2023 is paced: (1.9)^(1/3) - 1 =
        // 23.9 %/year of the 26.0 %/year needed, 0.92: NEEDS_ACCELERATION. 2024 begins, no value comes: judged.
        assessIn(2023);
        long plan = drafted(bacKanPlan());
        long target = doubleOutputFrom2020By(plan, 2023);
        IndicatorFeed.record("06", OUTPUT, "2023", "190", 7);
        awaitStatus(plan, target, "NEEDS_ACCELERATION");
        assessIn(2024);
        assertTrue(tracker.judgeEnded() >= 1);
        assertEquals("NOT_ACHIEVED", target(plan, target).getString("progress.status"));
        assertEquals(0, tracker.judgeEnded(), "a judged target is not judged again");
    }

    @Test
    void aCumulativeCountSumsTheYearsOfThePlan() {
        Map<String, Object> plan2030 = bacKanPlan();
        plan2030.put("endYear", 2025);
        long plan = drafted(plan2030);
        long target = setTarget(plan, Map.of("indicator", SMES, "kind", "CUMULATIVE", "baselineYear", 2021,
                "targetYear", 2025, "targetValue", 100)).statusCode(201).extract().jsonPath().getLong("id");
        IndicatorFeed.record("06", SMES, "2021", "20", 1);
        IndicatorFeed.record("06", SMES, "2022", "25", 1);
        await(() -> "2022".equals(target(plan, target).getString("progress.latestPeriod")), "the 2022 value");
        // 45 in two of five years projects to 112.5: ON_TRACK; 55 still needed over three years.
        JsonPath progress = target(plan, target);
        assertEquals("ON_TRACK", progress.getString("progress.status"));
        assertEquals(45f, progress.getFloat("progress.latestValue"));
        assertEquals(112.5f, progress.getFloat("progress.projected"));
        assertEquals(18.333333f, progress.getFloat("progress.neededPerYear"), 0.0001f);
    }

    @Test
    void aTargetThatDoesNotFitItsIndicatorIsA400NamingTheField() {
        long plan = drafted(bacKanPlan());
        Map<String, Object> body = growthOf7Percent();
        body.put("indicator", "TEST_NOT_DEFINED");
        setTarget(plan, body).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("indicator")).body("detail", containsString("TEST_NOT_DEFINED"));
        body.put("indicator", TFP);
        setTarget(plan, body).statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("detail", containsString("REPORTED"));
        body.put("indicator", WORKERS);
        setTarget(plan, body).statusCode(400).body("errors[0].field", equalTo("indicator"))
                .body("detail", containsString("neither direction"));
        Map<String, Object> zeroBaseline = growthOf7Percent();
        zeroBaseline.put("baselineValue", 0);
        setTarget(plan, zeroBaseline).statusCode(400).body("errors[0].field", equalTo("baselineValue"))
                .body("detail", containsString("growth from 0 is undefined"));
        // Labour productivity at current prices: its growth mixes in the change of prices.
        IndicatorFeed.defineMoney("TEST_LP_CURRENT", "RATIO", "CURRENT");
        await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM indicator_replica WHERE code = 'TEST_LP_CURRENT'"
                + " AND prices = 'CURRENT'") == 1, "the current-price indicator");
        Map<String, Object> currentPrices = growthOf7Percent();
        currentPrices.put("indicator", "TEST_LP_CURRENT");
        setTarget(plan, currentPrices).statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("detail", containsString("at current prices"));
        Map<String, Object> late = growthOf7Percent();
        late.put("baselineYear", 2025);
        setTarget(plan, late).statusCode(400).body("errors[0].field", equalTo("baselineYear"));
        Map<String, Object> outside = growthOf7Percent();
        outside.put("targetYear", 2030);
        setTarget(plan, outside).statusCode(400).body("errors[0].field", equalTo("targetYear"));
        Map<String, Object> huge = growthOf7Percent();
        huge.put("targetValue", new java.math.BigDecimal("1e309"));
        setTarget(plan, huge).statusCode(400).body("errors[0].field", equalTo("targetValue"));
        Map<String, Object> cumulativeRatio = growthOf7Percent();
        cumulativeRatio.put("kind", "CUMULATIVE");
        setTarget(plan, cumulativeRatio).statusCode(400).body("errors[0].field", equalTo("kind"));
        Map<String, Object> unknownKind = growthOf7Percent();
        unknownKind.put("kind", "AVERAGE");
        setTarget(plan, unknownKind).statusCode(400).body("errors[0].field", equalTo("/kind"));

        given().when().get("/api/v1/plans/{id}/targets", plan).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void oneTargetPerIndicatorAndKindAndOnlyForTheUnitsEditor() {
        long plan = drafted(bacKanPlan());
        setTarget(plan, growthOf7Percent()).statusCode(201);
        setTarget(plan, growthOf7Percent()).statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.editor("19")).contentType(ContentType.JSON).body(growthOf7Percent())
                .when().post("/api/v1/plans/{id}/targets", plan).then().statusCode(403);
        given().when().get("/api/v1/plans/{id}/targets", plan).then().body("$", hasSize(1))
                .body("[0].baselineValue", nullValue());
        given().when().get("/api/v1/plans/{id}/targets/{t}", plan, 999_999_999).then().statusCode(404);
    }

    @Test
    void theNewThaiNguyensTargetReadsTheUnitsItWasMadeOfBeforeTheMerger() {
        // A plan of 19 from 2025 is the new Thái Nguyên's (Bắc Kạn, 06, and the old Thái Nguyên, 19, from 1 July 2025).
        long plan = drafted(PlanFixtures.with(PlanFixtures.with(PlanFixtures.with(bacKanPlan(), "unitCode", "19"),
                "startYear", 2025), "endYear", 2030));
        long target = setTarget(plan, Map.of("indicator", OUTPUT_PER_WORKER, "kind", "GROWTH", "baselineYear", 2024,
                "targetYear", 2030, "targetValue", 7)).statusCode(201).extract().jsonPath().getLong("id");
        long bacKanPlan = drafted(bacKanPlan());
        long bacKanTarget = setTarget(bacKanPlan, Map.of("indicator", OUTPUT_PER_WORKER, "kind", "LEVEL",
                "baselineYear", 2020, "targetYear", 2025, "targetValue", 20)).statusCode(201).extract().jsonPath().getLong("id");

        IndicatorFeed.record("06", OUTPUT, "2020", "80", 1);
        IndicatorFeed.record("06", EMPLOYED, "2020", "10", 1);
        IndicatorFeed.record("06", OUTPUT, "2024", "100", 1);
        IndicatorFeed.record("06", EMPLOYED, "2024", "10", 1);
        IndicatorFeed.record("19", OUTPUT, "2024", "1000", 1);
        IndicatorFeed.record("19", EMPLOYED, "2024", "100", 1);
        IndicatorFeed.record("19", OUTPUT, "2026", "1300", 1);
        IndicatorFeed.record("19", EMPLOYED, "2026", "110", 1);
        // 2024 on the new unit: (100 + 1000) / (10 + 100) = 10, never the mean of 10 and 10; 2026: 1300 / 110 = 11.82,
        // (11.82 / 10)^(1/2) - 1 = 8.7 %/year against 7 %.
        await(() -> "ON_TRACK".equals(target(plan, target).getString("progress.status")), "the new unit's progress");
        JsonPath progress = target(plan, target);
        assertEquals(10f, progress.getFloat("progress.baselineValue"));
        assertEquals(11.818182f, progress.getFloat("progress.latestValue"), 0.000001f);
        // Bắc Kạn's own plan reads Bắc Kạn alone: 100 / 10 in 2024.
        await(() -> "2024".equals(target(bacKanPlan, bacKanTarget).getString("progress.latestPeriod")), "Bắc Kạn's 2024");
        assertEquals(10f, target(bacKanPlan, bacKanTarget).getFloat("progress.latestValue"));

        // A correction of Bắc Kạn's 2024 output moves the new unit's baseline: (210 + 1000) / 110 = 11.
        IndicatorFeed.record("06", OUTPUT, "2024", "210", 2);
        await(() -> "NEEDS_ACCELERATION".equals(target(plan, target).getString("progress.status")),
                "the new unit's target to follow its predecessor");
        assertEquals(11f, target(plan, target).getFloat("progress.baselineValue"));
    }

    @Test
    void theRequestIdOfTheWriteTravelsOnIntoTheProgressEvent() {
        long plan = drafted(bacKanPlan());
        setTarget(plan, growthOf7Percent()).statusCode(201);
        IndicatorFeed.record("06", PRODUCTIVITY, "2020", "100", 1);
        try (EventsProbe events = EventsProbe.open("plan.events")) {
            String event = IndicatorFeed.valueChanged(TestEvents.newId(), "06", PRODUCTIVITY, "2023", "115", 1)
                    .replace("\"datacontenttype\"", "\"requestid\":\"trace-" + plan + "\",\"datacontenttype\"");
            IndicatorFeed.send("06", PRODUCTIVITY, event);
            var changed = events.await(e -> String.valueOf(plan).equals(e.key())
                    && e.event().path("type").asText().equals("vn.nangsuat.plan.target-progress-changed.v1")
                    && e.event().path("data").path("basedOn").path("period").asText().equals("2023"), 1, Duration.ofSeconds(10));
            assertEquals("trace-" + plan, changed.get(0).event().path("requestid").asText());
        }
    }
}
