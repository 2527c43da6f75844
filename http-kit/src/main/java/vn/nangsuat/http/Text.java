package vn.nangsuat.http;

import java.util.Locale;

/**
 * A text of a problem (its detail, a field's message) in English and Vietnamese, chosen by the request's
 * `Accept-Language` ({@link ProblemLanguage}). Every refusal of ours is written in both; a text with no Vietnamese
 * (a null) is answered in English.
 */
public record Text(String english, String vietnamese) {

    /** A text that comes from elsewhere (a library's own message) and so exists in English only. */
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
