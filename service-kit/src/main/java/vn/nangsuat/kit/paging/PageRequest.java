package vn.nangsuat.kit.paging;

import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.QueryParams;

/**
 * A page asked for by `page` (from 0) and `size` (1 to {@value #MAX_SIZE}). Parsed from the raw query strings
 * so that `page=abc` is a 400 naming `page`, not the 404 that JAX-RS gives for a failed conversion.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public static PageRequest parse(String page, String size) {
        int number = parseInt("page", page, 0);
        int length = parseInt("size", size, DEFAULT_SIZE);
        if (number < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (length < 1 || length > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(number, length);
    }

    public int offset() {
        return page * size;
    }

    private static int parseInt(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number, not '" + QueryParams.shorten(value) + "'");
        }
    }
}
