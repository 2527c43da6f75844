package vn.nangsuat.kit.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.Text;

/**
 * Says what is wrong with a JSON body in the API's words: the field as a JSON Pointer into the body and what was
 * expected there ("must be a number"), never a Java type, a class name or the parser's token names. A field sent twice
 * in one object is refused, naming it: which of the two was meant cannot be known. A field the request does not take
 * (a misspelt one, or one a correction cannot change, such as a plan's unit) is refused too, naming the fields it
 * takes: ignoring it would answer 200 for a change that was not made.
 */
public final class JsonInputErrors {

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$", Pattern.DOTALL);

    private JsonInputErrors() {
    }

    /** The field (a JSON Pointer, `body` for the whole) and what is wrong with it, in this language. */
    public static Problem.FieldError describe(JacksonException failure, Locale language) {
        FieldText error = explain(failure);
        return new Problem.FieldError(error.field(), error.message().in(language));
    }

    private static FieldText explain(JacksonException failure) {
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(failure.getOriginalMessage()));
        if (duplicate.matches()) {
            return new FieldText(pointerOf(parsingContext(failure), duplicate.group(1)), new Text(
                    "appears twice in its object: send each field once",
                    "xuất hiện hai lần trong cùng một đối tượng: mỗi trường chỉ gửi một lần"));
        }
        if (failure instanceof UnrecognizedPropertyException unknown && !unknown.getPath().isEmpty()) {
            String fields = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new FieldText(pointerOf(unknown), new Text(
                    "is not a field this request takes or can change" + (fields.isEmpty() ? "" : " (it takes " + fields + ")"),
                    "không phải trường mà yêu cầu này nhận hoặc được thay đổi"
                            + (fields.isEmpty() ? "" : " (các trường nhận: " + fields + ")")));
        }
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Class<?> target = failure instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new FieldText(pointerOf(mapping), mustBe(target));
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return new FieldText("body", mustBe(mismatch.getTargetType()));
        }
        var location = failure.getLocation();
        boolean located = location != null && location.getLineNr() >= 1;
        return new FieldText("body", new Text(
                "is not well-formed JSON" + (located ? " (line " + location.getLineNr() + ", column "
                        + location.getColumnNr() + ")" : ""),
                "không phải JSON đúng cú pháp" + (located ? " (dòng " + location.getLineNr() + ", cột "
                        + location.getColumnNr() + ")" : "")));
    }

    private static Text mustBe(Class<?> target) {
        Text expected = expected(target);
        return new Text("must be " + expected.english(), "phải là " + expected.vietnamese());
    }

    private static String pointerOf(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> "/" + (ref.getFieldName() != null ? escape(ref.getFieldName()) : ref.getIndex()))
                .collect(Collectors.joining());
    }

    /** What the API expects where a value of this Java type is read. */
    static Text expected(Class<?> type) {
        if (type == null) {
            return new Text("a value of another kind", "một giá trị kiểu khác");
        }
        if (type.isEnum()) {
            String constants = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return new Text("one of " + constants, "một trong " + constants);
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return new Text("a string", "một chuỗi");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return new Text("a whole number", "một số nguyên");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return new Text("a number", "một số");
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Text("true or false", "true hoặc false");
        }
        if (type == LocalDate.class) {
            return new Text("a date (YYYY-MM-DD)", "một ngày (YYYY-MM-DD)");
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return new Text("a date and time with its offset (RFC 3339, e.g. 2026-01-31T08:00:00Z)",
                    "một ngày giờ kèm múi giờ (RFC 3339, ví dụ 2026-01-31T08:00:00Z)");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return new Text("an array", "một mảng");
        }
        return new Text("an object", "một đối tượng");
    }

    private static JsonStreamContext parsingContext(JacksonException failure) {
        if (failure instanceof JsonProcessingException processing && processing.getProcessor() instanceof JsonParser parser) {
            return parser.getParsingContext();
        }
        return null;
    }

    /** The pointer of a member named {@code name} of the object being parsed in this context. */
    private static String pointerOf(JsonStreamContext context, String name) {
        String parent = context == null || context.getParent() == null ? ""
                : JsonPointer.forPath(context.getParent(), false).toString();
        return parent + "/" + escape(name);
    }

    /** RFC 6901: `~` and `/` in a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
