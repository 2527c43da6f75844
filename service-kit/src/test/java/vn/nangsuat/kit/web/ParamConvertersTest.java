package vn.nangsuat.kit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.kit.problem.ProblemException;

/** The conversions of every typed parameter, on the annotations a resource method carries; no server. */
class ParamConvertersTest {

    enum Kind { PROVINCE, CITY }

    /** Parameters as resources declare them. */
    @SuppressWarnings("unused")
    static void resource(@QueryParam("year") Integer year,
            @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("includeFormer") Boolean includeFormer,
            @PathParam("kind") Kind kind,
            @QueryParam("q") String q,
            @QueryParam("asOf") LocalDate asOf) {
    }

    private final ParamConverters converters = new ParamConverters();

    @SuppressWarnings("unchecked")
    private <T> ParamConverter<T> converterOf(String name) {
        Parameter parameter = Arrays.stream(ParamConvertersTest.class.getDeclaredMethods())
                .filter(method -> method.getName().equals("resource")).findFirst().orElseThrow()
                .getParameters()[Arrays.asList("year", "size", "includeFormer", "kind", "q", "asOf").indexOf(name)];
        return (ParamConverter<T>) converters.getConverter(parameter.getType(), parameter.getParameterizedType(),
                parameter.getAnnotations());
    }

    private static Problem.FieldError refusal(ParamConverter<?> converter, String value) {
        ProblemException refused = assertThrows(ProblemException.class, () -> converter.fromString(value));
        assertEquals(ProblemType.INVALID_INPUT, refused.type());
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals(1, refused.errors().size());
        return refused.errors().get(0);
    }

    @Test
    void numbersAreParsedAndABadOneIsA400NamingTheParameterAndEchoingTheValue() {
        assertEquals(2030, this.<Integer>converterOf("year").fromString("2030"));
        assertEquals(2030, this.<Integer>converterOf("year").fromString(" 2030 "));
        Problem.FieldError error = refusal(converterOf("year"), "twenty");
        assertEquals("year", error.field());
        assertEquals("must be a whole number, not 'twenty'", error.message());
        assertEquals("size", refusal(converterOf("size"), "1e3").field());
    }

    @Test
    void enumsMatchWhateverTheCaseAndARefusalListsTheAllowedValues() {
        assertEquals(Kind.CITY, this.<Kind>converterOf("kind").fromString("city"));
        assertEquals(Kind.PROVINCE, this.<Kind>converterOf("kind").fromString("Province"));
        Problem.FieldError error = refusal(converterOf("kind"), "DUCHY");
        assertEquals("kind", error.field());
        assertEquals("must be one of PROVINCE, CITY, not 'DUCHY'", error.message());
        assertEquals("CITY", this.<Kind>converterOf("kind").toString(Kind.CITY));
    }

    @Test
    void booleansAreTrueOrFalseAndNothingElse() {
        assertEquals(true, this.<Boolean>converterOf("includeFormer").fromString("TRUE"));
        assertEquals(false, this.<Boolean>converterOf("includeFormer").fromString("false"));
        Problem.FieldError error = refusal(converterOf("includeFormer"), "maybe");
        assertEquals("includeFormer", error.field());
        assertEquals("must be true or false, not 'maybe'", error.message());
        assertEquals("includeFormer", refusal(converterOf("includeFormer"), "1").field());
    }

    @Test
    void aBlankValueCountsAsAbsent() {
        assertNull(converterOf("year").fromString(""));
        assertNull(converterOf("kind").fromString("  "));
        assertEquals(50, this.<Integer>converterOf("size").fromString(""));
    }

    @Test
    void aLongBadValueIsEchoedShortened() {
        String message = refusal(converterOf("year"), "9".repeat(1000)).message();
        assertTrue(message.endsWith("9".repeat(40) + "...'"), message);
    }

    @Test
    void textAndDatesAreLeftToJaxRs() {
        assertNull(converterOf("q"));
        assertNull(converterOf("asOf"));
    }
}
