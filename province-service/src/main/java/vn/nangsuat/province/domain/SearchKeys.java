package vn.nangsuat.province.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The search form of a name: lower case, without Vietnamese tone and vowel marks, đ as d, punctuation as
 * single spaces. "Bà Rịa - Vũng Tàu" becomes "ba ria vung tau", so "vung tau", "Vũng Tàu" and "VUNG TAU" find it
 * on MySQL and MariaDB alike, whatever their collations.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String withoutStroke = text.replace('đ', 'd').replace('Đ', 'D');
        String withoutMarks = Normalizer.normalize(withoutStroke, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return withoutMarks.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** Without spaces, for abbreviations written every which way: "TP. HCM", "TPHCM", "tp hcm". */
    public static String compact(String text) {
        return normalize(text).replace(" ", "");
    }
}
