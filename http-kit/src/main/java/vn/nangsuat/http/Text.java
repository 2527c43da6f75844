package vn.nangsuat.http;

import java.util.Locale;

/**
 * A text of a problem (its detail, a field's message) in English and Vietnamese, chosen by the request's
 * `Accept-Language` ({@link ProblemLanguage}). A text not yet written in Vietnamese says so with a null and is
 * answered in English.
 */
public record Text(String english, String vietnamese) {

    public static Text english(String english) {
        return new Text(english, null);
    }

    public String in(Locale language) {
        return ProblemType.isVietnamese(language) && vietnamese != null ? vietnamese : english;
    }

    /** This text after a prefix in both languages, e.g. a field's name before its message. */
    public Text after(String prefix) {
        return new Text(prefix + english, vietnamese == null ? null : prefix + vietnamese);
    }
}
