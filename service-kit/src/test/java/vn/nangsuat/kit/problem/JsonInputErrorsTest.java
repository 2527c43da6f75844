package vn.nangsuat.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemLanguage;
import vn.nangsuat.kit.web.StrictJson;

/** What a client reads when its JSON body cannot be taken: the field, and what was expected there in the API's words. */
class JsonInputErrorsTest {

    enum Status { OFFICIAL, ESTIMATE }

    record Part(String code, List<Integer> years) {
    }

    record Value(BigDecimal value, Status status, String source, Integer revision, LocalDate asOf, Part part) {
    }

    private static Problem.FieldError refusal(String body) {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(json);
        JacksonException failure = assertThrows(JacksonException.class, () -> json.readValue(body, Value.class));
        Problem.FieldError error = JsonInputErrors.describe(failure, Locale.ENGLISH);
        assertFalse(error.message().contains("java."), "a Java type in " + error.message());
        assertFalse(error.message().contains("JsonToken"), "a parser token in " + error.message());
        return error;
    }

    @Test
    void aFieldSentTwiceIsRefusedNamingIt() {
        Problem.FieldError twice = refusal("{\"value\":1,\"value\":2}");
        assertEquals("/value", twice.field());
        assertEquals("appears twice in its object: send each field once", twice.message());
        assertEquals("/part/code", refusal("{\"part\":{\"code\":\"a\",\"code\":\"b\"}}").field());
    }

    @Test
    void aValueOfTheWrongKindSaysWhatWasExpected() {
        assertEquals(new Problem.FieldError("/value", "must be a number"), refusal("{\"value\":\"lots\"}"));
        assertEquals(new Problem.FieldError("/source", "must be a string"), refusal("{\"source\":{\"a\":1}}"));
        assertEquals(new Problem.FieldError("/status", "must be one of OFFICIAL, ESTIMATE"), refusal("{\"status\":\"MAYBE\"}"));
        assertEquals(new Problem.FieldError("/revision", "must be a whole number"), refusal("{\"revision\":[1]}"));
        assertEquals(new Problem.FieldError("/asOf", "must be a date (YYYY-MM-DD)"), refusal("{\"asOf\":\"31/01/2026\"}"));
        assertEquals(new Problem.FieldError("/part/years/1", "must be a whole number"),
                refusal("{\"part\":{\"years\":[2020,\"x\"]}}"));
        assertEquals(new Problem.FieldError("/part", "must be an object"), refusal("{\"part\":7}"));
    }

    /** A field the request does not take is refused, not ignored: a PATCH of a field it cannot change must not answer 200. */
    @Test
    void aFieldTheRequestDoesNotTakeIsRefusedNamingTheFieldsItTakes() {
        assertEquals(new Problem.FieldError("/part/colour", "is not a field this request takes or can change (it takes"
                + " code, years)"), refusal("{\"part\":{\"code\":\"a\",\"colour\":1}}"));
        assertEquals("/unitCode", refusal("{\"value\":1,\"unitCode\":\"19\"}").field());
    }

    /** A reader who asks for Vietnamese reads the same field with its message in Vietnamese. */
    @Test
    void theMessageIsInVietnameseWhenAskedAndTheFieldTheSame() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        JacksonException failure = assertThrows(JacksonException.class, () -> json.readValue("{\"value\":\"lots\"}", Value.class));
        assertEquals(new Problem.FieldError("/value", "phải là một số"), JsonInputErrors.describe(failure, ProblemLanguage.VIETNAMESE));
        assertEquals(new Problem.FieldError("/value", "must be a number"), JsonInputErrors.describe(failure, Locale.ENGLISH));
    }

    @Test
    void aBodyThatIsNotJsonSaysWhere() {
        Problem.FieldError broken = refusal("{\"value\": 1,\n \"source\": }");
        assertEquals("body", broken.field());
        assertTrue(broken.message().startsWith("is not well-formed JSON (line 2, column"), broken.message());
        assertEquals("body", refusal("[1, 2]").field());
    }
}
