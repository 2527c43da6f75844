package vn.nangsuat.kit.web;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * Turns the text of query, path and header parameters into the types resources declare ({@code Integer},
 * {@code int}, {@code Boolean}, {@code boolean}, any enum, case-insensitively), refusing a bad value with a 400
 * problem that names the parameter (read from its {@code @QueryParam}, {@code @PathParam}, ... annotation) and
 * echoes the value, shortened. JAX-RS would answer a failed conversion with a 404, which tells a client nothing.
 * <p>
 * A blank value counts as absent (an HTML form sends empty fields): the parameter's {@code @DefaultValue}, else null.
 * <p>
 * Quarkus REST parses {@code java.time} parameters itself and never asks a provider, so an unparsable
 * {@code LocalDate} reaches {@code ProblemMappers} as a wrapped {@link DateTimeParseException};
 * {@link #unparsableTemporal} names it there the same way.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations).orElse("parameter");
        Function<String, Object> parse;
        if (rawType == Integer.class || rawType == int.class) {
            parse = value -> wholeNumber(name, value);
        } else if (rawType == Boolean.class || rawType == boolean.class) {
            parse = value -> truthValue(name, value);
        } else if (rawType.isEnum()) {
            parse = value -> enumConstant(name, value, (Class<? extends Enum>) rawType);
        } else {
            return null;
        }
        String fallback = defaultValueOf(annotations);
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    if (fallback != null) {
                        return (T) parse.apply(fallback);
                    }
                    if (!rawType.isPrimitive()) {
                        return null;
                    }
                }
                return (T) parse.apply(value);
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
            }
        };
    }

    /**
     * The 400 for a {@code java.time} parameter of the matched method that Quarkus REST could not parse: the
     * parameter whose text is the unparsable one. Null when none is (the failure came from elsewhere).
     */
    public static ProblemException unparsableTemporal(DateTimeParseException failure, Method method, UriInfo uri) {
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getParameters()) {
            if (!Temporal.class.isAssignableFrom(parameter.getType())) {
                continue;
            }
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            PathParam path = parameter.getAnnotation(PathParam.class);
            String text = query != null ? uri.getQueryParameters().getFirst(query.value())
                    : path != null ? uri.getPathParameters().getFirst(path.value()) : null;
            if (text != null && text.equals(failure.getParsedString())) {
                Text expected = parameter.getType() == LocalDate.class
                        ? new Text("a date such as 2025-07-01", "một ngày, ví dụ 2025-07-01")
                        : new Text("an ISO 8601 " + parameter.getType().getSimpleName(),
                                "một " + parameter.getType().getSimpleName() + " theo ISO 8601");
                return ProblemException.invalid(query != null ? query.value() : path.value(), mustBe(expected, text));
            }
        }
        return null;
    }

    /** "must be a whole number, not 'abc'": what was expected, and the value given, shortened. */
    public static Text mustBe(Text expected, String given) {
        String shown = shorten(given);
        return new Text("must be " + expected.english() + ", not '" + shown + "'",
                "phải là " + expected.vietnamese() + ", không phải '" + shown + "'");
    }

    /** Echoes a bad value back in a message without echoing a megabyte of it. */
    public static String shorten(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static Integer wholeNumber(String name, String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, mustBe(new Text("a whole number", "một số nguyên"), value));
        }
    }

    private static Boolean truthValue(String name, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, mustBe(new Text("true or false", "true hoặc false"), value));
        };
    }

    private static <E extends Enum<E>> E enumConstant(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        throw ProblemException.invalid(name, mustBe(new Text("one of " + allowed, "một trong " + allowed), value));
    }

    /** The name the client uses: that of the parameter's JAX-RS annotation, when it has one. */
    public static Optional<String> parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return Optional.of(query.value());
            }
            if (annotation instanceof PathParam path) {
                return Optional.of(path.value());
            }
            if (annotation instanceof HeaderParam header) {
                return Optional.of(header.value());
            }
            if (annotation instanceof FormParam form) {
                return Optional.of(form.value());
            }
            if (annotation instanceof CookieParam cookie) {
                return Optional.of(cookie.value());
            }
        }
        return Optional.empty();
    }

    private static String defaultValueOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof DefaultValue fallback) {
                return fallback.value();
            }
        }
        return null;
    }
}
