package vn.nangsuat.plan.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nangsuat.plan.api.IndicatorFeed.await;
import static vn.nangsuat.plan.api.PlanFixtures.bacKanPlan;
import static vn.nangsuat.plan.api.PlanFixtures.drafted;
import static vn.nangsuat.plan.api.PlanFixtures.move;
import static vn.nangsuat.plan.api.PlanFixtures.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.plan.domain.NationalGoals;
import vn.nangsuat.plan.events.PlanEvents;
import vn.nangsuat.provincereplica.testing.ReplicaFixtures;

/** The national goals carry the country's progress, computed from the plans and the replica of the values. */
@QuarkusTest
class NationalProgressTest extends WithBacKanAndThaiNguyen {

    @Inject
    Snapshots snapshots;

    @BeforeEach
    void onlyThisTestsPlansOfBacKanAndThaiNguyen() throws SQLException {
        sql("DELETE FROM target_progress WHERE target_id IN (SELECT t.id FROM plan_target t JOIN plan p ON p.id = t.plan_id"
                + " WHERE p.unit_code IN ('06', '19'))",
                "DELETE FROM plan_target WHERE plan_id IN (SELECT id FROM plan WHERE unit_code IN ('06', '19'))",
                "DELETE FROM plan_transition WHERE plan_id IN (SELECT id FROM plan WHERE unit_code IN ('06', '19'))",
                "DELETE FROM plan_task WHERE plan_id IN (SELECT id FROM plan WHERE unit_code IN ('06', '19'))",
                "DELETE FROM plan WHERE unit_code IN ('06', '19')");
        snapshots.reloadNow(PlanEvents.AGGREGATE);  // deleted behind the service's back
    }

    private static JsonPath goal(String code, int year) {
        return given().queryParam("year", year).when().get("/api/v1/national-goals").then().statusCode(200)
                .extract().jsonPath().setRootPath("items.find { it.code == '" + code + "' }");
    }

    /**
     * The goal once its progress shows what the values just recorded give, or as it is after the wait: the national
     * progress is a read model that follows the events within their latency, so a read just after the replica took
     * them may still see the one before.
     */
    private static JsonPath goalOnceItShows(String code, int year, Predicate<JsonPath> shows) {
        AtomicReference<JsonPath> latest = new AtomicReference<>();
        try {
            await(() -> {
                JsonPath answer = goal(code, year);
                latest.set(answer);
                try {
                    return shows.test(answer);
                } catch (NullPointerException noValueYet) {
                    return false;
                }
            }, code + " to follow the values");
        } catch (AssertionError notYet) {
            // The assertions on the latest answer say what it shows instead.
        }
        return latest.get();
    }

    private static long approvedPlan(Map<String, Object> body) {
        Map<String, Object> decided = with(with(body, "approvalNumber", "1234/QĐ-UBND"), "approvalDate", "2021-06-15");
        long plan = drafted(decided);
        move(plan, "SUBMITTED").statusCode(200);
        move(plan, "APPROVED").statusCode(200);
        return plan;
    }

    @Test
    void provincesWithPlansCountApprovedDecision36PlansAsTheUnitsWereAndAsTheyAreToday() {
        JsonPath before = goal("PROVINCES_WITH_PLAN", 2025);
        int approving = before.getInt("progress.current");
        int inForce = before.getInt("progress.unitsInForce");

        drafted(bacKanPlan());                                                       // a draft does not count
        approvedPlan(with(bacKanPlan(), "legalBasis", "DECISION_1322_2020"));        // nor another programme
        long bacKan = approvedPlan(bacKanPlan());
        JsonPath afterBacKan = goal("PROVINCES_WITH_PLAN", 2025);
        assertEquals(approving + 1, afterBacKan.getInt("progress.current"));
        // Bắc Kạn became part of the new Thái Nguyên (19): today's 19 has a plan through it.
        assertEquals(inForce + 1, afterBacKan.getInt("progress.unitsInForce"));
        assertThat(afterBacKan.getList("progress.plans", Long.class), hasItem(bacKan));

        long thaiNguyen = approvedPlan(with(bacKanPlan(), "unitCode", "19"));
        JsonPath afterBoth = goal("PROVINCES_WITH_PLAN", 2025);
        assertEquals(approving + 2, afterBoth.getInt("progress.current"), "two units approved, as they were then");
        assertEquals(inForce + 1, afterBoth.getInt("progress.unitsInForce"), "one unit today has both");
        assertThat(afterBoth.getList("progress.plans", Long.class), hasItems(bacKan, thaiNguyen));
        assertEquals("PLANS", afterBoth.getString("measure"));
    }

    @Test
    void aPlanWithdrawnLaterStillCountsInTheYearsItStoodApproved() {
        int approving = goal("PROVINCES_WITH_PLAN", 2025).getInt("progress.current");
        long bacKan = approvedPlan(bacKanPlan());
        // Withdrawn today (after 2025): Bắc Kạn had an approved plan through 2025, so the 2025 goal still counts it.
        move(bacKan, "WITHDRAWN").statusCode(200);
        JsonPath after = goal("PROVINCES_WITH_PLAN", 2025);
        assertEquals(approving + 1, after.getInt("progress.current"));
        assertThat(after.getList("progress.plans", Long.class), hasItem(bacKan));
        // A plan withdrawn before its approval never counted.
        long neverApproved = drafted(with(with(bacKanPlan(), "approvalNumber", "9/QĐ-UBND"), "approvalDate", "2021-06-15"));
        move(neverApproved, "WITHDRAWN").statusCode(200);
        assertThat(goal("PROVINCES_WITH_PLAN", 2025).getList("progress.plans", Long.class), not(hasItem(neverApproved)));
    }

    @Test
    void nationalLabourProductivityGrowthIsTheGrowthOfTheRatioOfSums() throws SQLException {
        sql("DELETE FROM observation_replica WHERE indicator_code IN ('TEST_GRDP_K', 'TEST_WORKERS_K')",
                "UPDATE national_goal SET numerator_code = 'TEST_GRDP_K', denominator_code = 'TEST_WORKERS_K'"
                        + " WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH' AND target_year = 2025");
        snapshots.reloadNow(NationalGoals.AGGREGATE);  // changed behind the service's back
        try {
            // 06: 100 / 10 = 10 in 2020, 150 / 10 = 15 in 2023 (+14.5 %/year); 19: 1000 / 100 = 10, 1100 / 100 = 11
            // (+3.2 %/year). The mean of the two growths is 8.85 %/year; the country's is that of 1250 / 110 over
            // 1100 / 110: (11.3636 / 10)^(1/3) - 1 = 4.35 %/year.
            for (String[] value : List.of(new String[] {"06", "TEST_GRDP_K", "2020", "100"},
                    new String[] {"06", "TEST_WORKERS_K", "2020", "10"}, new String[] {"06", "TEST_GRDP_K", "2023", "150"},
                    new String[] {"06", "TEST_WORKERS_K", "2023", "10"}, new String[] {"19", "TEST_GRDP_K", "2020", "1000"},
                    new String[] {"19", "TEST_WORKERS_K", "2020", "100"}, new String[] {"19", "TEST_GRDP_K", "2023", "1100"},
                    new String[] {"19", "TEST_WORKERS_K", "2023", "100"})) {
                IndicatorFeed.record(value[0], value[1], value[2], value[3], 1);
            }
            await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM observation_replica"
                    + " WHERE indicator_code IN ('TEST_GRDP_K', 'TEST_WORKERS_K')") == 8, "the eight values");
            JsonPath growth = goalOnceItShows("LABOUR_PRODUCTIVITY_GROWTH", 2025,
                    goal -> goal.getFloat("progress.current") == 4.35f);
            assertEquals(4.35f, growth.getFloat("progress.current"));
            assertEquals(2023, growth.getInt("progress.latestYear"));
            // 2025 is over (today is later): judged, not paced. The latest national ratio before it, 2023's 11.36,
            // falls short of the 7 %/year from 10 in 2020 the goal asked, 10 x 1.07^5 = 14.03.
            assertEquals("NOT_ACHIEVED", growth.getString("progress.status"));
            assertThat(growth.getString("progress.reason"), org.hamcrest.Matchers.containsString("ratio of sums"));
            assertThat(growth.getString("progress.reason"), org.hamcrest.Matchers.containsString(
                    "the target year 2025 is over: with no value for it, the latest before it (2023)"));
        } finally {
            sql("UPDATE national_goal SET numerator_code = 'GRDP_CONSTANT', denominator_code = 'EMPLOYED_WORKERS'"
                    + " WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH' AND target_year = 2025");
            snapshots.reloadNow(NationalGoals.AGGREGATE);
        }
    }

    @Test
    void nationalGrowthComparesTheSameTerritoryAcrossTheMerger() throws SQLException {
        sql("DELETE FROM observation_replica WHERE indicator_code IN ('TEST_GRDP_T', 'TEST_WORKERS_T')",
                "UPDATE national_goal SET numerator_code = 'TEST_GRDP_T', denominator_code = 'TEST_WORKERS_T'"
                        + " WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH' AND target_year = 2025");
        snapshots.reloadNow(NationalGoals.AGGREGATE);  // changed behind the service's back
        try {
            // 2020 and 2024: the old 19 80,000 / 800, 06 10,000 / 200: 90,000 / 1,000 = 90 a worker each year.
            // 2025: the new 19 (made of both) 90,000 / 1,000 = 90; and a value of 06 for 2025 that an older release
            // let in (5,000 / 100), which no read may count beside its successor's. Each link compares the same
            // territory: 90 / 90 - 1 = 0 % in both, so the average is 0 %/year. (Summing whatever was reported in
            // 2025 would give 95,000 / 1,100 = 86.4, a fall of 4 %.)
            for (String year : List.of("2020", "2024")) {
                IndicatorFeed.record("19", "TEST_GRDP_T", year, "80000", 1);
                IndicatorFeed.record("19", "TEST_WORKERS_T", year, "800", 1);
                IndicatorFeed.record("06", "TEST_GRDP_T", year, "10000", 1);
                IndicatorFeed.record("06", "TEST_WORKERS_T", year, "200", 1);
            }
            IndicatorFeed.record("19", "TEST_GRDP_T", "2025", "90000", 1);
            IndicatorFeed.record("19", "TEST_WORKERS_T", "2025", "1000", 1);
            IndicatorFeed.record("06", "TEST_GRDP_T", "2025", "5000", 1);
            IndicatorFeed.record("06", "TEST_WORKERS_T", "2025", "100", 1);
            await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM observation_replica"
                    + " WHERE indicator_code IN ('TEST_GRDP_T', 'TEST_WORKERS_T')") == 12, "the twelve values");

            JsonPath growth = goalOnceItShows("LABOUR_PRODUCTIVITY_GROWTH", 2025,
                    goal -> goal.getInt("progress.latestYear") == 2025);

            assertEquals(0f, growth.getFloat("progress.current"));
            assertEquals(2025, growth.getInt("progress.latestYear"));
            assertThat(growth.getString("progress.reason"), org.hamcrest.Matchers.containsString("chain-linked"));
        } finally {
            sql("UPDATE national_goal SET numerator_code = 'GRDP_CONSTANT', denominator_code = 'EMPLOYED_WORKERS'"
                    + " WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH' AND target_year = 2025");
            snapshots.reloadNow(NationalGoals.AGGREGATE);
        }
    }

    @Test
    void aStockIsItsLatestNationalLevelAndAFlowIsSummedOverTheYears() throws SQLException {
        // Schools running a club are counted at each year's end (a STOCK); SMEs starting a pilot project in the year
        // are a FLOW. The same values for 19, 2, 3, 4 and 4 from 2021 to 2024, read both ways.
        sql("DELETE FROM observation_replica WHERE indicator_code IN ('TEST_SCHOOLS_S', 'TEST_PILOTS_F')",
                "UPDATE national_goal SET numerator_code = 'TEST_SCHOOLS_S' WHERE code = 'PRODUCTIVITY_CLUBS' AND target_year = 2030",
                "UPDATE national_goal SET numerator_code = 'TEST_PILOTS_F' WHERE code = 'SME_PILOT_PROJECTS' AND target_year = 2030");
        snapshots.reloadNow(NationalGoals.AGGREGATE);  // changed behind the service's back
        try {
            IndicatorFeed.defineCount("TEST_SCHOOLS_S", "STOCK");
            IndicatorFeed.defineCount("TEST_PILOTS_F", "FLOW");
            String[] counts = {"2", "3", "4", "4"};
            for (int year = 2021; year <= 2024; year++) {
                IndicatorFeed.record("19", "TEST_SCHOOLS_S", Integer.toString(year), counts[year - 2021], 1);
                IndicatorFeed.record("19", "TEST_PILOTS_F", Integer.toString(year), counts[year - 2021], 1);
            }
            await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM observation_replica"
                    + " WHERE indicator_code IN ('TEST_SCHOOLS_S', 'TEST_PILOTS_F')") == 8
                    && IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM indicator_replica"
                            + " WHERE code IN ('TEST_SCHOOLS_S', 'TEST_PILOTS_F') AND over_time IS NOT NULL") == 2,
                    "the eight values and both definitions");
            // The schools are 4, the latest level, not 2 + 3 + 4 + 4 = 13. At least 20 by 2030 from 2 in 2021: the
            // observed (4 / 2)^(1/3) - 1 = 26.0 %/year is 89 % of the (20 / 2)^(1/9) - 1 = 29.2 %/year needed. Summed
            // instead, 13 in 4 of 10 years would project to 32.5 and say ON_TRACK.
            JsonPath schools = goalOnceItShows("PRODUCTIVITY_CLUBS", 2030,
                    goal -> goal.getInt("progress.latestYear") == 2024);
            assertEquals("COUNT", schools.getString("measure"));
            assertEquals(4f, schools.getFloat("progress.current"));
            assertEquals(2024, schools.getInt("progress.latestYear"));
            assertEquals("NEEDS_ACCELERATION", schools.getString("progress.status"));
            assertThat(schools.getString("progress.reason"), org.hamcrest.Matchers.containsString("never summed"));
            // Coverage: each year's national figure says how many of the units in force it counts (19 alone).
            assertThat(schools.getString("progress.reason"), org.hamcrest.Matchers.matchesPattern(
                    ".*units counted of those in force: 2021: 1 of \\d+, .*2024: 1 of \\d+.*"));
            // The pilot projects started in each year add up: 2 + 3 + 4 + 4 = 13 since 2021.
            JsonPath pilots = goalOnceItShows("SME_PILOT_PROJECTS", 2030, goal -> goal.getFloat("progress.current") == 13f);
            assertEquals(13f, pilots.getFloat("progress.current"));
            assertThat(pilots.getString("progress.reason"), org.hamcrest.Matchers.containsString("a flow"));
        } finally {
            sql("UPDATE national_goal SET numerator_code = 'SCHOOLS_WITH_PRODUCTIVITY_CLUBS' WHERE code = 'PRODUCTIVITY_CLUBS'"
                    + " AND target_year = 2030",
                    "UPDATE national_goal SET numerator_code = 'SME_PILOT_PROJECTS' WHERE code = 'SME_PILOT_PROJECTS'"
                            + " AND target_year = 2030");
            snapshots.reloadNow(NationalGoals.AGGREGATE);
        }
    }

    @Test
    void aNationalFigureOnlyTheCountryHasIsReadFromVnNeverFromProvincialValues() throws SQLException {
        ReplicaFixtures.knowTheCountry(dataSource);
        sql("DELETE FROM observation_replica WHERE indicator_code = 'TEST_TFP_R'",
                "UPDATE national_goal SET numerator_code = 'TEST_TFP_R' WHERE code = 'TFP_CONTRIBUTION' AND target_year = 2030");
        snapshots.reloadNow(NationalGoals.AGGREGATE);  // changed behind the service's back
        try {
            JsonPath none = goal("TFP_CONTRIBUTION", 2030);
            assertEquals("REPORTED", none.getString("measure"));
            assertEquals("NO_DATA", none.getString("progress.status"));
            assertThat(none.getString("progress.reason"), org.hamcrest.Matchers.containsString("none of TEST_TFP_R is recorded for VN"));

            // GSO's 46.11 % for 2019, a later 47.5 % for 2023; a province's 80 % is never summed or averaged into it.
            IndicatorFeed.record("VN", "TEST_TFP_R", "2019", "46.11", 1);
            IndicatorFeed.record("VN", "TEST_TFP_R", "2023", "47.5", 1);
            IndicatorFeed.record("19", "TEST_TFP_R", "2023", "80", 1);
            await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM observation_replica"
                    + " WHERE indicator_code = 'TEST_TFP_R'") == 3, "the three values");

            JsonPath tfp = goalOnceItShows("TFP_CONTRIBUTION", 2030, goal -> goal.getFloat("progress.current") == 47.5f);
            assertEquals(47.5f, tfp.getFloat("progress.current"));
            assertEquals(2023, tfp.getInt("progress.latestYear"));
            assertEquals(true, tfp.getBoolean("progress.published"));
            assertThat(tfp.getString("progress.status"), not(equalTo("NO_DATA")));
            assertThat(tfp.getString("progress.reason"), org.hamcrest.Matchers.containsString("baseline 46.11 (2019"));
        } finally {
            sql("UPDATE national_goal SET numerator_code = 'TFP_CONTRIBUTION' WHERE code = 'TFP_CONTRIBUTION'"
                    + " AND target_year = 2030");
            snapshots.reloadNow(NationalGoals.AGGREGATE);
        }
    }

    @Test
    void theGrowthGoalPrefersThePublishedNationalGrowthWithTheProvincesFigureBeside() throws SQLException {
        ReplicaFixtures.knowTheCountry(dataSource);
        IndicatorFeed.define("TEST_LP_P", "HIGHER", "RATIO", "TEST_GRDP_P", "TEST_WORKERS_P");
        IndicatorFeed.defineGrowth("TEST_LPG_P", "TEST_LP_P");
        IndicatorFeed.known(dataSource, "TEST_LP_P", "TEST_LPG_P");
        sql("DELETE FROM observation_replica WHERE indicator_code IN ('TEST_GRDP_P', 'TEST_WORKERS_P')",
                "UPDATE national_goal SET numerator_code = 'TEST_GRDP_P', denominator_code = 'TEST_WORKERS_P'"
                        + " WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH' AND target_year = 2025");
        snapshots.reloadNow(NationalGoals.AGGREGATE);
        try {
            // Published: +4.8 % in 2022, +3.65 % in 2023, +5.88 % in 2024 (none recorded for 2021), chained from 2021:
            // 1.048 x 1.0365 x 1.0588 = 1.150146, so (1.150146)^(1/3) - 1 = 4.77 %/year.
            // The provinces: 19 alone, 100 / 10 = 10 in 2020 and 121 / 10 = 12.1 in 2022: 10 %/year, beside it.
            IndicatorFeed.record("VN", "TEST_LPG_P", "2022", "4.8", 1);
            IndicatorFeed.record("VN", "TEST_LPG_P", "2023", "3.65", 1);
            IndicatorFeed.record("VN", "TEST_LPG_P", "2024", "5.88", 1);
            IndicatorFeed.record("19", "TEST_GRDP_P", "2020", "100", 1);
            IndicatorFeed.record("19", "TEST_WORKERS_P", "2020", "10", 1);
            IndicatorFeed.record("19", "TEST_GRDP_P", "2022", "121", 1);
            IndicatorFeed.record("19", "TEST_WORKERS_P", "2022", "10", 1);
            await(() -> IndicatorFeed.count(dataSource, "SELECT COUNT(*) FROM observation_replica"
                    + " WHERE indicator_code IN ('TEST_LPG_P', 'TEST_GRDP_P', 'TEST_WORKERS_P')") == 7, "the seven values");

            JsonPath growth = goalOnceItShows("LABOUR_PRODUCTIVITY_GROWTH", 2025,
                    goal -> goal.getFloat("progress.current") == 4.77f && goal.getFloat("progress.provinces") == 10.0f);

            assertEquals(true, growth.getBoolean("progress.published"));
            assertEquals(4.77f, growth.getFloat("progress.current"));
            assertEquals(2024, growth.getInt("progress.latestYear"));
            assertEquals(10.0f, growth.getFloat("progress.provinces"));
            assertThat(growth.getString("progress.reason"), org.hamcrest.Matchers.containsString(
                    "published national TEST_LPG_P (recorded for VN) for 2022-2024, chain-linked as an index (2021 = 100), since"
                    + " none is recorded for 2021"));
        } finally {
            sql("UPDATE national_goal SET numerator_code = 'GRDP_CONSTANT', denominator_code = 'EMPLOYED_WORKERS'"
                    + " WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH' AND target_year = 2025");
            snapshots.reloadNow(NationalGoals.AGGREGATE);
        }
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.executeUpdate(statement);
            }
        }
    }
}
