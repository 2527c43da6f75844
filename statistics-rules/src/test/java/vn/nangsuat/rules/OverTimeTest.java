package vn.nangsuat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A flow adds up over time, a stock never does: worked examples. */
class OverTimeTest {

    @Test
    void schoolsWithAClubAtEachYearsEndAreTheLatestCountNotTheSum() {
        // 4 schools with a club at the end of each of 2021 to 2025: 4 schools, not 4 + 4 + 4 + 4 + 4 = 20.
        assertEquals(new BigDecimal("4"), OverTime.STOCK.over(values("4", "4", "4", "4", "4")));
        assertFalse(OverTime.STOCK.summable());
    }

    @Test
    void projectsStartedInEachYearAddUp() {
        // 3 pilot projects started in 2021, none recorded in 2022, 4 in 2023: 3 + 4 = 7 started in 2021-2023.
        assertEquals(new BigDecimal("7"), OverTime.FLOW.over(values("3", null, "4")));
        assertTrue(OverTime.FLOW.summable());
    }

    @Test
    void aStockIsItsLatestValueWhateverCameBefore() {
        // 2 schools at the end of 2021, 6 at the end of 2022, 5 at the end of 2023 (one club closed): 5.
        assertEquals(new BigDecimal("5"), OverTime.STOCK.over(values("2", "6", "5", null)));
    }

    @Test
    void noValueIsNoFigure() {
        assertNull(OverTime.FLOW.over(values(null, null)));
        assertNull(OverTime.STOCK.over(List.of()));
    }

    private static List<BigDecimal> values(String... texts) {
        return Arrays.stream(texts).map(text -> text == null ? null : new BigDecimal(text)).toList();
    }
}
