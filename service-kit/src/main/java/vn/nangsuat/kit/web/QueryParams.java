package vn.nangsuat.kit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * Parses raw query and path strings into values, refusing bad ones with a 400 that names the parameter.
 * JAX-RS would answer a failed conversion with 404, which tells a client nothing.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date such as 2025-07-01, not '" + shorten(value) + "'");
        }
    }

    /** Case-insensitive enum value; null when absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalid(name, "must be one of " + allowed + ", not '" + shorten(value) + "'");
        }
    }

    /** A value that must match a pattern, such as a two-digit unit code. */
    public static String matching(String name, String value, String regex, String expectation) {
        if (value == null || !value.matches(regex)) {
            throw ProblemException.invalid(name, "must be " + expectation + ", not '" + shorten(value) + "'");
        }
        return value;
    }

    /** Echoes a bad value back in a message without echoing a megabyte of it. */
    public static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
