package vn.nangsuat.http;

import java.util.List;
import java.util.Locale;

/**
 * The language a problem is written in: Vietnamese when the request's `Accept-Language` prefers it to English,
 * English otherwise (and for a header that cannot be read). Field names, `type` and `status` never change.
 */
public final class ProblemLanguage {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private ProblemLanguage() {
    }

    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.ENGLISH, VIETNAMESE));
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
