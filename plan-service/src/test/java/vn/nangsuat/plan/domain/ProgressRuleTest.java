package vn.nangsuat.plan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nangsuat.plan.domain.ProgressRule.Assessment;
import vn.nangsuat.plan.domain.ProgressRule.Terms;
import vn.nangsuat.plan.domain.ProgressRule.YearValue;

/** Worked examples of the progress rule; the figures in the comments were computed by hand. */
class ProgressRuleTest {

    private static final double EXACT = 1e-9;

    /** Labour productivity index 100 in 2020, to reach 150 by 2030: needed CRn = 1.5^(1/10) - 1 = 4.138 %/year. */
    private static Terms levelTo150By2030() {
        return new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, bd("100"), 2030, bd("150"));
    }

    @Test
    void levelGrowingFasterThanNeededIsOnTrack() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(), values(2020, "100", 2025, "125"));

        assertEquals(ProgressStatus.ON_TRACK, assessment.status());
        assertEquals("COMPOUND", assessment.method());
        assertEquals(2025, assessment.latestYear());
        // CRa = 1.25^(1/5) - 1 = 4.564 %; ratio = 4.564 / 4.138 = 1.1029
        assertEquals(1.1029, assessment.ratio().doubleValue(), EXACT);
        // projected = 100 * 1.25^(10/5) = 156.25
        assertEquals(156.25, assessment.projected().doubleValue(), EXACT);
        // achievement = (125 - 100) / (150 - 100) = 0.5
        assertEquals(0.5, assessment.achievement().doubleValue(), EXACT);
        // needed from now = (150/125)^(1/5) - 1 = 3.7137 %/year
        assertEquals(3.7137, assessment.neededPerYear().doubleValue(), 1e-4);
        assertEquals(4, assessment.ratio().scale());
        assertEquals(6, assessment.projected().scale());
    }

    @Test
    void levelGrowingSlowerThanNeededNeedsAcceleration() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(), values(2020, "100", 2025, "110"));

        // CRa = 1.1^(1/5) - 1 = 1.924 %; ratio = 1.924 / 4.138 = 0.4651, between 0.10 and 0.95
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, assessment.status());
        assertEquals(0.4651, assessment.ratio().doubleValue(), EXACT);
        // projected = 100 * 1.1^2 = 121
        assertEquals(121.0, assessment.projected().doubleValue(), EXACT);
        // needed from now = (150/110)^(1/5) - 1 = 6.3995 %/year
        assertEquals(6.3995, assessment.neededPerYear().doubleValue(), 1e-4);
        assertEquals("observed growth 1.9 %/year is 47 % of the 4.1 %/year needed", assessment.reason());
    }

    @Test
    void levelMovingAwayFromTheTargetIsOffTrack() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(), values(2020, "100", 2025, "95"));

        // CRa = 0.95^(1/5) - 1 = -1.021 %; ratio = -1.021 / 4.138 = -0.2466
        assertEquals(ProgressStatus.OFF_TRACK, assessment.status());
        assertEquals(-0.2466, assessment.ratio().doubleValue(), EXACT);
        // achievement = (95 - 100) / 50 = -0.1
        assertEquals(-0.1, assessment.achievement().doubleValue(), EXACT);
        assertTrue(assessment.reason().contains("moving away"), assessment.reason());
    }

    @Test
    void levelMovingTooSlowlyIsOffTrack() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(), values(2020, "100", 2025, "101"));

        // CRa = 1.01^(1/5) - 1 = 0.199 %; ratio = 0.199 / 4.138 = 0.0481, below 0.10
        assertEquals(ProgressStatus.OFF_TRACK, assessment.status());
        assertEquals(0.0481, assessment.ratio().doubleValue(), EXACT);
    }

    @Test
    void noValueAfterTheBaselineYearIsNoData() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(), values(2019, "98", 2020, "100"));

        assertEquals(ProgressStatus.NO_DATA, assessment.status());
        assertNull(assessment.latestYear());
        assertNull(assessment.ratio());
        assertTrue(assessment.reason().contains("no value after the baseline year 2020"), assessment.reason());
    }

    @Test
    void growthTargetIsAssessedAsCompoundGrowthOfTheLevel() {
        Terms sevenPercentAYear = new Terms(TargetKind.GROWTH, Better.HIGHER, 2020, bd("100"), 2025, bd("7"));

        Assessment assessment = ProgressRule.assess(sevenPercentAYear, values(2020, "100", 2023, "115"));

        assertEquals(ProgressStatus.NEEDS_ACCELERATION, assessment.status());
        assertEquals("COMPOUND", assessment.method());
        // CRa = 1.15^(1/3) - 1 = 4.769 %; ratio = 4.769 / 7 = 0.6813
        assertEquals(0.6813, assessment.ratio().doubleValue(), EXACT);
        // implied target = 100 * 1.07^5 = 140.255173
        assertEquals(140.2552, assessment.targetValue().doubleValue(), 1e-4);
        // projected = 100 * 1.15^(5/3) = 126.2301
        assertEquals(126.2301, assessment.projected().doubleValue(), 1e-4);
        // needed from now = (140.2552/115)^(1/2) - 1 = 10.436 %/year
        assertEquals(10.436, assessment.neededPerYear().doubleValue(), 1e-3);
        // achievement = 15 / 40.2552 = 0.3726
        assertEquals(0.3726, assessment.achievement().doubleValue(), EXACT);
        assertEquals("observed growth 4.8 %/year is 68 % of the 7.0 %/year needed", assessment.reason());
    }

    @Test
    void levelFromZeroIsAssessedLinearly() {
        Terms provincesWithAPlan = new Terms(TargetKind.LEVEL, Better.HIGHER, 2021, bd("0"), 2025, bd("12"));

        Assessment assessment = ProgressRule.assess(provincesWithAPlan, values(2023, "4"));

        assertEquals("LINEAR", assessment.method());
        // 4 provinces in 2 years = 2 a year; needed 12 in 4 years = 3 a year; ratio = 2/3 = 0.6667
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, assessment.status());
        assertEquals(0.6667, assessment.ratio().doubleValue(), EXACT);
        // projected = 0 + 2 * 4 = 8
        assertEquals(8.0, assessment.projected().doubleValue(), EXACT);
        // needed from now = (12 - 4) / 2 = 4 a year, in provinces
        assertEquals(4.0, assessment.neededPerYear().doubleValue(), EXACT);
        // achievement = 4 / 12 = 0.3333
        assertEquals(0.3333, assessment.achievement().doubleValue(), EXACT);
        assertTrue(assessment.reason().contains("growth from zero"), assessment.reason());
    }

    @Test
    void growthFromABaselineOfZeroIsNoData() {
        Terms growthFromZero = new Terms(TargetKind.GROWTH, Better.HIGHER, 2020, bd("0"), 2025, bd("7"));

        Assessment assessment = ProgressRule.assess(growthFromZero, values(2023, "5"));

        assertEquals(ProgressStatus.NO_DATA, assessment.status());
        assertNull(assessment.ratio());
        assertTrue(assessment.reason().contains("growth from a baseline of 0 (or below) is undefined"),
                assessment.reason());
    }

    @Test
    void lowerIsBetterFallingFastEnoughIsOnTrack() {
        Terms energyIntensity = new Terms(TargetKind.LEVEL, Better.LOWER, 2020, bd("100"), 2030, bd("80"));

        Assessment assessment = ProgressRule.assess(energyIntensity, values(2025, "89"));

        // CRn = 0.8^(1/10) - 1 = -2.2067 %; CRa = 0.89^(1/5) - 1 = -2.3037 %; ratio = 1.0440
        assertEquals(ProgressStatus.ON_TRACK, assessment.status());
        assertEquals(1.044, assessment.ratio().doubleValue(), EXACT);
        // projected = 100 * 0.89^2 = 79.21
        assertEquals(79.21, assessment.projected().doubleValue(), EXACT);
        // achievement = (89 - 100) / (80 - 100) = 0.55
        assertEquals(0.55, assessment.achievement().doubleValue(), EXACT);
        // needed from now = (80/89)^(1/5) - 1 = -2.1096 %/year
        assertEquals(-2.1096, assessment.neededPerYear().doubleValue(), 1e-4);
    }

    @Test
    void lowerIsBetterHalfwayInLevelIsJustShortOfOnTrackInCompoundGrowth() {
        Terms energyIntensity = new Terms(TargetKind.LEVEL, Better.LOWER, 2020, bd("100"), 2030, bd("80"));

        Assessment assessment = ProgressRule.assess(energyIntensity, values(2025, "90"));

        // CRa = 0.9^(1/5) - 1 = -2.0852 %; ratio = -2.0852 / -2.2067 = 0.9449, below 0.95
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, assessment.status());
        assertEquals(0.9449, assessment.ratio().doubleValue(), EXACT);
    }

    @Test
    void cumulativeTargetProjectsTheAveragePace() {
        Terms smesSupported = new Terms(TargetKind.CUMULATIVE, Better.HIGHER, 2021, null, 2030, bd("500"));

        Assessment assessment = ProgressRule.assess(smesSupported, values(2021, "60", 2022, "60", 2023, "60"));

        assertEquals(ProgressStatus.ON_TRACK, assessment.status());
        assertEquals("CUMULATIVE", assessment.method());
        // current = 60 + 60 + 60 = 180
        assertEquals(180.0, assessment.latestValue().doubleValue(), EXACT);
        // projected = 180 / 3 years * 10 years = 600
        assertEquals(600.0, assessment.projected().doubleValue(), EXACT);
        // ratio = 600 / 500 = 1.2
        assertEquals(1.2, assessment.ratio().doubleValue(), EXACT);
        // achievement = 180 / 500 = 0.36
        assertEquals(0.36, assessment.achievement().doubleValue(), EXACT);
        // needed from now = (500 - 180) / (2030 - 2023) = 320 / 7 = 45.714286
        assertEquals(45.714286, assessment.neededPerYear().doubleValue(), EXACT);
    }

    @Test
    void cumulativeCountsAMissingYearBeforeTheLatestAsZero() {
        Terms smesSupported = new Terms(TargetKind.CUMULATIVE, Better.HIGHER, 2021, null, 2030, bd("500"));

        Assessment assessment = ProgressRule.assess(smesSupported, values(2021, "60", 2023, "60"));

        // current = 60 + 0 + 60 = 120; projected = 120 / 3 * 10 = 400; ratio = 400 / 500 = 0.8
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, assessment.status());
        assertEquals(0.8, assessment.ratio().doubleValue(), EXACT);
    }

    @Test
    void targetAlreadyMetIsOnTrack() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(), values(2020, "100", 2024, "151"));

        assertEquals(ProgressStatus.ON_TRACK, assessment.status());
        // achievement = (151 - 100) / 50 = 1.02
        assertEquals(1.02, assessment.achievement().doubleValue(), EXACT);
        assertTrue(assessment.reason().contains("already met"), assessment.reason());
    }

    @Test
    void valuesOutsideThePlanWindowAreIgnored() {
        Assessment assessment = ProgressRule.assess(levelTo150By2030(),
                values(2031, "1000", 2025, "110", 2015, "1", 2020, "100"));

        // 2031 is after the target year, so the latest is 2025 = 110, as in the needs-acceleration example
        assertEquals(2025, assessment.latestYear());
        assertEquals(ProgressStatus.NEEDS_ACCELERATION, assessment.status());
        assertEquals(0.4651, assessment.ratio().doubleValue(), EXACT);
    }

    @Test
    void nullBaselineIsTakenFromTheValueOfTheBaselineYear() {
        Terms noBaselineGiven = new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, null, 2030, bd("150"));

        Assessment assessment = ProgressRule.assess(noBaselineGiven, values(2020, "100", 2025, "125"));

        assertEquals(100.0, assessment.baselineValue().doubleValue(), EXACT);
        // same figures as the on-track example: ratio = 1.1029
        assertEquals(ProgressStatus.ON_TRACK, assessment.status());
        assertEquals(1.1029, assessment.ratio().doubleValue(), EXACT);
    }

    @Test
    void nullBaselineWithoutAValueForTheBaselineYearIsNoData() {
        Terms noBaselineGiven = new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, null, 2030, bd("150"));

        Assessment assessment = ProgressRule.assess(noBaselineGiven, values(2025, "125"));

        assertEquals(ProgressStatus.NO_DATA, assessment.status());
        assertTrue(assessment.reason().contains("no baseline value"), assessment.reason());
    }

    @Test
    void targetEqualToTheBaselineIsOnTrackOnlyWhileHeld() {
        Terms holdAt100 = new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, bd("100"), 2030, bd("100"));

        Assessment held = ProgressRule.assess(holdAt100, values(2025, "100"));
        Assessment slipped = ProgressRule.assess(holdAt100, values(2025, "99"));

        assertEquals(ProgressStatus.ON_TRACK, held.status());
        assertEquals(ProgressStatus.OFF_TRACK, slipped.status());
        assertNull(slipped.ratio());
        assertNull(slipped.achievement());
    }

    @Test
    void targetYearNotAfterBaselineYearIsRejected() {
        Terms backwards = new Terms(TargetKind.LEVEL, Better.HIGHER, 2025, bd("100"), 2025, bd("150"));

        assertThrows(IllegalArgumentException.class, () -> ProgressRule.assess(backwards, List.of()));
    }

    @Test
    void degenerateFiguresDoNotThrow() {
        Terms zeroes = new Terms(TargetKind.LEVEL, Better.LOWER, 2020, bd("0"), 2030, bd("0"));
        Terms hugeGrowth = new Terms(TargetKind.GROWTH, Better.HIGHER, 2020, bd("1"), 2030, bd("1e308"));
        Terms emptyTotal = new Terms(TargetKind.CUMULATIVE, Better.HIGHER, 2020, null, 2030, bd("0"));

        assertEquals(ProgressStatus.ON_TRACK, ProgressRule.assess(zeroes, values(2025, "0")).status());
        assertEquals(ProgressStatus.NO_DATA, ProgressRule.assess(hugeGrowth, values(2025, "2")).status());
        assertEquals(ProgressStatus.ON_TRACK, ProgressRule.assess(emptyTotal, values(2020, "0")).status());
    }

    @Test
    void aTargetWhoseYearIsOverIsJudgedOnThatYearsValueNeverByThePace() {
        // GRDP 200 by 2025 from 100 in 2020; 195 in 2025. By the pace, (195/100)^(1/5) - 1 = 14.3 %/year against
        // (200/100)^(1/5) - 1 = 14.9 %/year needed, a ratio of 0.9616: ON_TRACK while 2025 runs. Read in 2026, the
        // year is over and 195 fell short of 200.
        Terms grdp = new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, bd("100"), 2025, bd("200"));
        List<YearValue> observed = values(2020, "100", 2025, "195");

        Assessment during = ProgressRule.assess(grdp, observed, 2025);
        assertEquals(ProgressStatus.ON_TRACK, during.status());
        assertEquals(ProgressLevel.SUBSTANTIAL, during.level());

        Assessment after = ProgressRule.assess(grdp, observed, 2026);
        assertEquals(ProgressStatus.NOT_ACHIEVED, after.status());
        assertEquals("the target year 2025 is over: its value 195 fell short of the target 200", after.reason());
        assertNull(after.level(), "no level once the year is over");
        assertNull(after.neededPerYear());
    }

    @Test
    void withoutAValueForTheTargetYearTheLatestBeforeItIsJudgedAndSaid() {
        // Labour productivity 140 by 2025; 142 in 2024 and nothing for 2025: read in 2027, achieved on 2024's value.
        Terms productivity = new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, bd("100"), 2025, bd("140"));
        Assessment after = ProgressRule.assess(productivity, values(2020, "100", 2024, "142", 2026, "90"), 2027);
        assertEquals(ProgressStatus.ACHIEVED, after.status());
        assertEquals("the target year 2025 is over: with no value for it, the latest before it (2024), 142 met the"
                + " target 140", after.reason());
    }

    @Test
    void aCountWhoseYearIsOverIsJudgedOnItsTotal() {
        // 500 SMEs with pilot projects from 2021 to 2025: 100 + 120 + 90 + 80 + 90 = 480, short by 20.
        Terms smes = new Terms(TargetKind.CUMULATIVE, Better.HIGHER, 2021, null, 2025, bd("500"));
        Assessment after = ProgressRule.assess(smes,
                values(2021, "100", 2022, "120", 2023, "90", 2024, "80", 2025, "90"), 2026);
        assertEquals(ProgressStatus.NOT_ACHIEVED, after.status());
        assertEquals("the target year 2025 is over: the total through 2025, 480 fell short of the target 500",
                after.reason());
        assertEquals(ProgressStatus.NO_DATA, ProgressRule.assess(smes, List.of(), 2026).status(),
                "no value is still no data");
    }

    /**
     * The UNSD progress chart's levels, each on a count from 0 in 2020 to 100 in 2030: 10 a year needed, assessed in
     * 2025 from the value v observed then, so the ratio is (v / 5) / 10 = v / 50 (LINEAR, growth from 0 being
     * undefined).
     */
    @Test
    void eachLevelOfTheProgressChartFromItsRatio() {
        Terms count = new Terms(TargetKind.LEVEL, Better.HIGHER, 2020, bd("0"), 2030, bd("100"));
        // 50: 1.0 of the pace, substantial; 30: 0.6, moderate; 10: 0.2, marginal; 2: 0.04, stagnation; -10: -0.2,
        // deterioration (moving away from the target).
        String[][] cases = {{"50", "SUBSTANTIAL", "ON_TRACK"}, {"30", "MODERATE", "NEEDS_ACCELERATION"},
                {"10", "MARGINAL", "NEEDS_ACCELERATION"}, {"2", "STAGNATION", "OFF_TRACK"},
                {"-10", "DETERIORATION", "OFF_TRACK"}};
        for (String[] example : cases) {
            Assessment assessment = ProgressRule.assess(count, values(2025, example[0]), 2025);
            assertEquals(ProgressLevel.valueOf(example[1]), assessment.level(), "value " + example[0]);
            assertEquals(ProgressStatus.valueOf(example[2]), assessment.status(), "value " + example[0]);
        }
        // The boundaries: 0.95 substantial, 0.5 moderate, 0.1 marginal, -0.1 stagnation, below deterioration.
        assertEquals(ProgressLevel.SUBSTANTIAL, ProgressLevel.of(bd("0.95")));
        assertEquals(ProgressLevel.MODERATE, ProgressLevel.of(bd("0.5")));
        assertEquals(ProgressLevel.MARGINAL, ProgressLevel.of(bd("0.1")));
        assertEquals(ProgressLevel.STAGNATION, ProgressLevel.of(bd("-0.1")));
        assertEquals(ProgressLevel.DETERIORATION, ProgressLevel.of(bd("-0.1001")));
        assertNull(ProgressLevel.of(null));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    /** Pairs of year and value, in any order. */
    private static List<YearValue> values(Object... yearsAndValues) {
        YearValue[] observations = new YearValue[yearsAndValues.length / 2];
        for (int i = 0; i < observations.length; i++) {
            observations[i] = new YearValue((Integer) yearsAndValues[2 * i], bd((String) yearsAndValues[2 * i + 1]));
        }
        return List.of(observations);
    }
}
