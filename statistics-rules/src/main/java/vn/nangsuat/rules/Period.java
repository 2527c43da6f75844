package vn.nangsuat.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The period a value is for, in the form its indicator's periodicity gives: a year `2024`, a quarter `2024Q1`, a
 * month `2024-01`. Ordered by time; its first and last days decide which units were in force during it.
 */
public record Period(Periodicity periodicity, int year, int part) implements Comparable<Period> {

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
            "(?<year>\\d{4})(?:Q(?<quarter>\\d)|-(?<month>\\d{2}))?");

    public Period {
        if (year < 1900 || year > 2100) {
            throw new IllegalArgumentException("year must be between 1900 and 2100");
        }
        int parts = switch (periodicity) {
            case YEAR -> 1;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (part < 1 || part > parts) {
            throw new IllegalArgumentException(periodicity == Periodicity.QUARTER ? "a quarter is Q1 to Q4"
                    : "a month is 01 to 12");
        }
    }

    /** The period written as text, or empty when the text is no period at all (`24`, `2024Q5`, `2024-13`). */
    public static Optional<Period> parse(String text) {
        Matcher form = text == null ? null : FORM.matcher(text.strip());
        if (form == null || !form.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(form.group("year"));
        try {
            if (form.group("quarter") != null) {
                return Optional.of(new Period(Periodicity.QUARTER, year, Integer.parseInt(form.group("quarter"))));
            }
            if (form.group("month") != null) {
                return Optional.of(new Period(Periodicity.MONTH, year, Integer.parseInt(form.group("month"))));
            }
            return Optional.of(new Period(Periodicity.YEAR, year, 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A calendar year. */
    public static Period year(int year) {
        return new Period(Periodicity.YEAR, year, 1);
    }

    /** The period of the periodicity that holds the day. */
    public static Period containing(Periodicity periodicity, LocalDate day) {
        return switch (periodicity) {
            case YEAR -> new Period(periodicity, day.getYear(), 1);
            case QUARTER -> new Period(periodicity, day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> new Period(periodicity, day.getYear(), day.getMonthValue());
        };
    }

    /** The period after, of the same periodicity. */
    public Period next() {
        int parts = switch (periodicity) {
            case YEAR -> 1;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        return part < parts ? new Period(periodicity, year, part + 1) : new Period(periodicity, year + 1, 1);
    }

    /** The period before, of the same periodicity: what a growth rate compares with. */
    public Period previous() {
        if (part > 1) {
            return new Period(periodicity, year, part - 1);
        }
        int last = switch (periodicity) {
            case YEAR -> 1;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        return new Period(periodicity, year - 1, last);
    }

    public LocalDate firstDay() {
        return switch (periodicity) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (part - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, part, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (periodicity) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> YearMonth.of(year, part * 3).atEndOfMonth();
            case MONTH -> YearMonth.of(year, part).atEndOfMonth();
        };
    }

    @Override
    public int compareTo(Period other) {
        int byStart = firstDay().compareTo(other.firstDay());
        return byStart != 0 ? byStart : lastDay().compareTo(other.lastDay());
    }

    @Override
    public String toString() {
        return switch (periodicity) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "Q" + part;
            case MONTH -> year + (part < 10 ? "-0" : "-") + part;  // not String.format: an import calls this per row
        };
    }
}
