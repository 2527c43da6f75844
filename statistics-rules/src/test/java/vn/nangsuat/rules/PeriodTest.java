package vn.nangsuat.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three forms of a period, what is not one, and the days each covers: plain rules, no infrastructure. */
class PeriodTest {

    @Test
    void eachFormNamesItsPeriodicityAndDays() {
        Period year = Period.parse("2024").orElseThrow();
        assertEquals(Periodicity.YEAR, year.periodicity());
        assertEquals(LocalDate.of(2024, 1, 1), year.firstDay());
        assertEquals(LocalDate.of(2024, 12, 31), year.lastDay());

        Period quarter = Period.parse("2024Q1").orElseThrow();
        assertEquals(Periodicity.QUARTER, quarter.periodicity());
        assertEquals(LocalDate.of(2024, 3, 31), quarter.lastDay());
        assertEquals(LocalDate.of(2025, 7, 1), Period.parse("2025Q3").orElseThrow().firstDay());

        Period month = Period.parse("2024-02").orElseThrow();
        assertEquals(Periodicity.MONTH, month.periodicity());
        assertEquals(LocalDate.of(2024, 2, 29), month.lastDay(), "a leap year's February");
    }

    @Test
    void textThatIsNoPeriodIsRefused() {
        for (String text : List.of("24", "2024Q5", "2024Q0", "2024-13", "2024-00", "2024-1", "2024q1", "20241",
                "", "1800", "2024 Q1", "２０２４")) {
            assertTrue(Period.parse(text).isEmpty(), text);
        }
        assertTrue(Period.parse(null).isEmpty());
    }

    @Test
    void periodsReadBackAsWrittenAndSortByTime() {
        for (String text : List.of("2021", "2025Q4", "2026-01")) {
            assertEquals(text, Period.parse(text).orElseThrow().toString());
        }
        List<Period> sorted = List.of("2025", "2024-12", "2024Q4", "2024").stream()
                .map(text -> Period.parse(text).orElseThrow()).sorted().toList();
        assertEquals(List.of("2024", "2024Q4", "2024-12", "2025"), sorted.stream().map(Period::toString).toList());
    }

    @Test
    void thePreviousPeriodIsOfTheSameForm() {
        assertEquals("2020", Period.parse("2021").orElseThrow().previous().toString());
        assertEquals("2020Q4", Period.parse("2021Q1").orElseThrow().previous().toString());
        assertEquals("2021-02", Period.parse("2021-03").orElseThrow().previous().toString());
        assertEquals("2020-12", Period.parse("2021-01").orElseThrow().previous().toString());
    }
}
