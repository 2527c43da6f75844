package vn.nangsuat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of how values combine across units and territory, each case of issue 18 among them; the arithmetic
 * is in each test's comment. The figures are fictional, as the domain reference asks.
 */
class CombinationTest {

    private static final IndicatorRule GRDP = IndicatorRule.additive("GRDP_CONSTANT", OverTime.FLOW);
    private static final IndicatorRule WORKERS = IndicatorRule.additive("EMPLOYED", OverTime.STOCK);
    private static final IndicatorRule PRODUCTIVITY = IndicatorRule.ratio("LP_CONSTANT", "GRDP_CONSTANT", "EMPLOYED");
    private static final IndicatorRule GROWTH = IndicatorRule.growthOf("LP_GROWTH", "LP_CONSTANT");
    private static final IndicatorRule GRDP_GROWTH = IndicatorRule.growthOf("GRDP_GROWTH", "GRDP_CONSTANT");
    private static final IndicatorRule TFP = IndicatorRule.reported("TFP_CONTRIBUTION");
    private static final Map<String, IndicatorRule> RULES = Map.of(GRDP.code(), GRDP, WORKERS.code(), WORKERS,
            PRODUCTIVITY.code(), PRODUCTIVITY, GROWTH.code(), GROWTH, GRDP_GROWTH.code(), GRDP_GROWTH, TFP.code(), TFP);

    private static final Period Y2024 = Period.parse("2024").orElseThrow();
    private static final Period Y2025 = Period.parse("2025").orElseThrow();
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    private final Map<String, Combination.Recorded> recorded = new HashMap<>();
    private final Combination rules = new Combination(RULES::get,
            (unit, indicator, period) -> recorded.get(unit + "|" + indicator + "|" + period));

    private void record(String unit, IndicatorRule indicator, Period period, String value) {
        recorded.put(unit + "|" + indicator.code() + "|" + period,
                new Combination.Recorded(new BigDecimal(value), ObservationStatus.OFFICIAL, 1));
    }

    /** A unit in force from a date, made before it of the given units. */
    private static Territory mergedOn(String code, LocalDate from, String... madeOf) {
        return Territory.of(code, period -> period.lastDay().isBefore(from)
                ? Territory.Parts.of(Set.of(madeOf)) : Territory.Parts.of(Set.of(code)));
    }

    /** The case: the old 19 and 06 in 2024, the new 19 (made of both) in 2025. */
    private void thaiNguyen() {
        record("19", GRDP, Y2024, "80000");
        record("19", WORKERS, Y2024, "800");
        record("06", GRDP, Y2024, "10000");
        record("06", WORKERS, Y2024, "200");
        record("19", GRDP, Y2025, "90000");
        record("19", WORKERS, Y2025, "1000");
    }

    @Test
    void aMergedUnitsGrowthComesFromItsCombinedBase() {
        // 2025: 90,000 / 1,000 = 90 a worker. 2024, the same territory: (80,000 + 10,000) / (800 + 200) = 90.
        // Growth (90 / 90 - 1) x 100 = 0 %, not (90 / 100 - 1) x 100 = -10 % from the old 19 alone.
        thaiNguyen();
        Territory newThaiNguyen = mergedOn("19", MERGER, "06", "19");

        Combination.Result growth = rules.of(GROWTH, newThaiNguyen, Y2025);

        assertEquals(0, growth.value().signum());
        assertTrue(growth.derived());
        assertEquals(Set.of("06", "19"), growth.units());
        assertEquals(4 + 2, growth.values(), "both parts in 2024 of two units, both parts in 2025 of one");
    }

    @Test
    void anAggregatesGrowthComparesTheSameUnitsCombinedBases() {
        // The same data as one unit's growth answers the same figure as an aggregate (the region made of it): 0 %.
        thaiNguyen();
        Combination.Aggregate region = rules.aggregate(GROWTH, List.of(mergedOn("19", MERGER, "06", "19")), Y2025);

        assertEquals(0, region.value().signum());
        assertEquals(List.of("19"), region.counted());
        assertTrue(region.coverage().complete());
    }

    @Test
    void aUnitWithoutItsBaseBeforeIsLeftOutOfNationalGrowthNotComparedWithOtherTerritory() {
        // 2024: A 100 (10 workers), B 50 (10), C has no value. 2025: A (made of A and B) 165 (20), C 60 (10).
        // C's 2025 value has nothing on the same territory to grow from: it is left out, not mixed in.
        // Growth over A alone: 2025 165 / 20 = 8.25; 2024 (100 + 50) / (10 + 10) = 7.5; (8.25 / 7.5 - 1) x 100 = 10 %.
        // (Comparing every value reported each year would give (225 / 30) / 7.5 - 1 = 0 %: two territories.)
        record("A", GRDP, Y2024, "100");
        record("A", WORKERS, Y2024, "10");
        record("B", GRDP, Y2024, "50");
        record("B", WORKERS, Y2024, "10");
        record("A", GRDP, Y2025, "165");
        record("A", WORKERS, Y2025, "20");
        record("C", GRDP, Y2025, "60");
        record("C", WORKERS, Y2025, "10");
        List<Territory> inForce2025 = List.of(mergedOn("A", MERGER, "A", "B"), Territory.itself("C"));

        Combination.Aggregate national = rules.aggregate(GROWTH, inForce2025, Y2025);

        assertEquals(new BigDecimal("10.000000"), national.value());
        assertEquals(List.of("A"), national.counted());
        assertEquals(List.of("C"), national.missing());
        // Coverage: 1 of 2 units; of the 30 workers of 2025, A holds 20: 0.6667.
        assertEquals(new Combination.Coverage(1, 2, new BigDecimal("0.6667"), false), national.coverage());
    }

    @Test
    void anAdditiveGrowthComparesTheSameUnitsSums() {
        // 2024: A 100, B 50, C 30; 2025: A (A + B) 180, C 33. Both comparable: (213 / 180 - 1) x 100 = 18.333333 %.
        record("A", GRDP, Y2024, "100");
        record("B", GRDP, Y2024, "50");
        record("C", GRDP, Y2024, "30");
        record("A", GRDP, Y2025, "180");
        record("C", GRDP, Y2025, "33");

        Combination.Aggregate national = rules.aggregate(GRDP_GROWTH,
                List.of(mergedOn("A", MERGER, "A", "B"), Territory.itself("C")), Y2025);

        assertEquals(new BigDecimal("18.333333"), national.value());
        assertTrue(national.coverage().complete());
        assertNull(national.coverage().denominatorShare(), "an additive base has no denominator");
    }

    @Test
    void aRatioIsItsSummedPartsNeverAMeanOfRatios() {
        // A: 1,000 / 10 = 100 a worker; B: 100 / 10 = 10. Together (1,000 + 100) / (10 + 10) = 55, not (100 + 10) / 2.
        // C has GRDP but no workers: left out of both sums, or the ratio would divide different territories.
        record("A", GRDP, Y2024, "1000");
        record("A", WORKERS, Y2024, "10");
        record("B", GRDP, Y2024, "100");
        record("B", WORKERS, Y2024, "10");
        record("C", GRDP, Y2024, "500");

        Combination.Aggregate national = rules.aggregate(PRODUCTIVITY,
                List.of(Territory.itself("A"), Territory.itself("B"), Territory.itself("C")), Y2024);

        assertEquals(new BigDecimal("55.000000"), national.value());
        assertEquals(new BigDecimal("1100"), national.numerator());
        assertEquals(new BigDecimal("20"), national.denominator());
        assertEquals(List.of("C"), national.missing());
        assertEquals(new Combination.Coverage(2, 3, new BigDecimal("1.0000"), false), national.coverage(),
                "C has no workers recorded: A and B hold all 20 workers known");
    }

    @Test
    void anAdditiveValueSumsTheUnitsThatHaveOne() {
        // 100 + 50 = 150, B's value missing leaves it out and the coverage says 2 of 3.
        record("A", GRDP, Y2024, "100");
        record("C", GRDP, Y2024, "50");

        Combination.Aggregate national = rules.aggregate(GRDP,
                List.of(Territory.itself("A"), Territory.itself("B"), Territory.itself("C")), Y2024);

        assertEquals(new BigDecimal("150"), national.value());
        assertEquals(new Combination.Coverage(2, 3, null, false), national.coverage());
    }

    @Test
    void aMergedUnitsLevelBeforeTheMergerSumsItsPredecessorsAndARatioTheirParts() {
        // GRDP of the new 19 in 2024: 80,000 + 10,000 = 90,000; its productivity (80,000 + 10,000) / (800 + 200) = 90.
        thaiNguyen();
        Territory newThaiNguyen = mergedOn("19", MERGER, "06", "19");

        assertEquals(new BigDecimal("90000"), rules.of(GRDP, newThaiNguyen, Y2024).value());
        assertEquals(new BigDecimal("90.000000"), rules.of(PRODUCTIVITY, newThaiNguyen, Y2024).value());
        assertEquals(new BigDecimal("90000"), rules.of(GRDP, newThaiNguyen, Y2025).value(), "recorded as such");
        assertFalse(rules.of(GRDP, newThaiNguyen, Y2025).derived());
    }

    @Test
    void whatCannotBeCombinedHonestlyIsLeftOutWithTheReason() {
        // A ratio recorded without its parts, a reported-only value, a missing predecessor.
        record("06", PRODUCTIVITY, Y2024, "50");
        record("19", PRODUCTIVITY, Y2024, "100");
        record("06", TFP, Y2024, "40");
        record("19", TFP, Y2024, "45");
        record("19", GRDP, Y2024, "80000");
        Territory newThaiNguyen = mergedOn("19", MERGER, "06", "19");

        Combination.Result ratio = rules.of(PRODUCTIVITY, newThaiNguyen, Y2024);
        assertNull(ratio.value());
        assertTrue(ratio.reason().startsWith("LP_CONSTANT reported without its parts cannot be combined"), ratio.reason());
        assertEquals("TFP_CONTRIBUTION is reported only: the values of 06, 19 are never combined",
                rules.of(TFP, newThaiNguyen, Y2024).reason());
        assertEquals("no value of GRDP_CONSTANT for 06 in 2024", rules.of(GRDP, newThaiNguyen, Y2024).reason());
        assertNull(rules.aggregate(TFP, List.of(Territory.itself("19")), Y2024).value(), "never summed or averaged");
    }

    @Test
    void aGrowthFromZeroIsUndefined() {
        record("A", GRDP, Y2024, "0");
        record("A", GRDP, Y2025, "10");

        assertEquals("GRDP_CONSTANT is zero in 2024: growth from zero is undefined",
                rules.of(GRDP_GROWTH, Territory.itself("A"), Y2025).reason());
    }

    @Test
    void aChainLinksYearlyGrowthsOfComparableTerritories() {
        // 100, then +10 % = 110, then -10 % = 99: each year compared with the same territory the year before.
        List<BigDecimal> chain = Combination.chain(new BigDecimal("100"), List.of(new BigDecimal("10"), new BigDecimal("-10")));

        assertEquals(0, new BigDecimal("110").compareTo(chain.get(1)));
        assertEquals(0, new BigDecimal("99").compareTo(chain.get(2)));
    }

    @Test
    void aCombinedValueIsAsFirmAsItsLeastFirmPart() {
        assertEquals(ObservationStatus.PRELIMINARY,
                ObservationStatus.leastFirm(Set.of(ObservationStatus.OFFICIAL, ObservationStatus.PRELIMINARY)));
    }
}
