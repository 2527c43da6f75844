package vn.nangsuat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The catalogue every answer's type comes from, and the language a problem is written in. */
class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnSlugAndATitleAndWhenItIsSentInBothLanguages() {
        assertEquals(ProblemType.values().length,
                Arrays.stream(ProblemType.values()).map(ProblemType::slug).distinct().count(), "slugs are unique");
        for (ProblemType type : ProblemType.values()) {
            assertTrue(type.slug().matches("[a-z]+(-[a-z]+)*"), type.slug());
            assertEquals(type, ProblemType.ofUri("https://nangsuat.vn/problems/" + type.slug()).orElseThrow());
            String vietnamese = type.title(ProblemLanguage.VIETNAMESE) + type.sentWhen(ProblemLanguage.VIETNAMESE);
            assertTrue(vietnamese.chars().anyMatch(c -> c > 0x7f), type + " has Vietnamese with its diacritics");
            assertNotEquals(type.sentWhen(Locale.ENGLISH), type.sentWhen(ProblemLanguage.VIETNAMESE), type.slug());
        }
        assertEquals("Không tìm thấy", ProblemType.NOT_FOUND.title(ProblemLanguage.VIETNAMESE));
        assertEquals("Not Found", ProblemType.NOT_FOUND.title(Locale.ENGLISH));
    }

    @Test
    void aStatusThatSaysEnoughHasAGenericType() {
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, ProblemType.generic(413).orElseThrow());
        assertEquals(ProblemType.MALFORMED_REQUEST, ProblemType.generic(400).orElseThrow());
        assertTrue(ProblemType.generic(418).isEmpty());
        for (int status = 400; status < 600; status++) {
            int asked = status;
            ProblemType.generic(status).ifPresent(type -> assertEquals(asked, type.status(), type.slug()));
        }
    }

    @Test
    void vietnameseIsChosenWhenTheRequestPrefersItToEnglish() {
        assertEquals("vi", ProblemLanguage.of("vi").getLanguage());
        assertEquals("vi", ProblemLanguage.of("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7").getLanguage());
        assertEquals("en", ProblemLanguage.of("en-US,en;q=0.9,vi;q=0.5").getLanguage());
        assertEquals("en", ProblemLanguage.of("fr-FR").getLanguage());
        assertEquals("en", ProblemLanguage.of(null).getLanguage());
        assertEquals("en", ProblemLanguage.of(";;q=x,,").getLanguage());
    }
}
