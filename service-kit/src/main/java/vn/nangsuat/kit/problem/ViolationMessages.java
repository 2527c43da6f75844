package vn.nangsuat.kit.problem;

import jakarta.validation.ConstraintViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.kit.web.UnitCodes;

/**
 * Constraint messages in Vietnamese, for a problem answered to `Accept-Language: vi`: Bean Validation's standard ones
 * (`{jakarta.validation.constraints.Min.message}`) from the table below, and a service's own, written as a key
 * (`message = "{unitCode.twoDigits}"`) with its English in the service's `ValidationMessages.properties` (which
 * Hibernate Validator reads) and its Vietnamese in `ValidationMessages_vi.properties` (read here). A message written out
 * in the annotation, or a key with no Vietnamese, stays English. A unit code's message is service-kit's own
 * ({@link UnitCodes#MESSAGE}), in both languages.
 * <p>
 * Picked here rather than by Hibernate Validator's own locale support: it preloads its bundles for the build-time
 * locales only, and a request's language must never be able to fail its validation (HV000250, seen when tried).
 */
final class ViolationMessages {

    private static final String STANDARD = "{jakarta.validation.constraints.";
    private static final String SERVICE_MESSAGES = "ValidationMessages_vi.properties";

    /** By constraint: the Vietnamese message, its attributes in braces as the English one has them. */
    private static final Map<String, String> VIETNAMESE = Map.ofEntries(
            Map.entry("AssertFalse", "phải là false"),
            Map.entry("AssertTrue", "phải là true"),
            Map.entry("DecimalMax", "phải nhỏ hơn {inclusiveOrEqual}{value}"),
            Map.entry("DecimalMin", "phải lớn hơn {inclusiveOrEqual}{value}"),
            Map.entry("Digits", "giá trị số vượt giới hạn (tối đa {integer} chữ số phần nguyên và {fraction} chữ số thập phân)"),
            Map.entry("Email", "phải là một địa chỉ email hợp lệ"),
            Map.entry("Future", "phải là một thời điểm trong tương lai"),
            Map.entry("FutureOrPresent", "phải là hiện tại hoặc một thời điểm trong tương lai"),
            Map.entry("Max", "phải nhỏ hơn hoặc bằng {value}"),
            Map.entry("Min", "phải lớn hơn hoặc bằng {value}"),
            Map.entry("Negative", "phải nhỏ hơn 0"),
            Map.entry("NegativeOrZero", "phải nhỏ hơn hoặc bằng 0"),
            Map.entry("NotBlank", "không được để trống"),
            Map.entry("NotEmpty", "không được để trống"),
            Map.entry("NotNull", "là bắt buộc (không được null)"),
            Map.entry("Null", "phải là null"),
            Map.entry("Past", "phải là một thời điểm trong quá khứ"),
            Map.entry("PastOrPresent", "phải là hiện tại hoặc một thời điểm trong quá khứ"),
            Map.entry("Pattern", "phải khớp mẫu \"{regexp}\""),
            Map.entry("Positive", "phải lớn hơn 0"),
            Map.entry("PositiveOrZero", "phải lớn hơn hoặc bằng 0"),
            Map.entry("Size", "độ dài phải từ {min} đến {max}"));

    private ViolationMessages() {
    }

    /** The service's own messages in Vietnamese, by key; read once. */
    private static volatile Properties serviceMessages;

    /** The violation's message in this language: its own (English) unless Vietnamese is asked and one is known. */
    static String of(ConstraintViolation<?> violation, Locale language) {
        if (UnitCodes.MESSAGE.equals(violation.getMessageTemplate())) {
            return UnitCodes.EXPECTED.in(language);
        }
        String message = ProblemType.isVietnamese(language) ? vietnamese(violation.getMessageTemplate()) : null;
        if (message == null) {
            return violation.getMessage();
        }
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        message = message.replace("{inclusiveOrEqual}", Boolean.FALSE.equals(attributes.get("inclusive")) ? "" : "hoặc bằng ");
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            message = message.replace("{" + attribute.getKey() + "}", String.valueOf(attribute.getValue()));
        }
        return message;
    }

    private static String vietnamese(String template) {
        if (template == null || !template.startsWith("{") || !template.endsWith("}")) {
            return null;
        }
        if (template.startsWith(STANDARD)) {
            return VIETNAMESE.get(template.substring(STANDARD.length(), template.length() - ".message}".length()));
        }
        return serviceMessages().getProperty(template.substring(1, template.length() - 1));
    }

    private static Properties serviceMessages() {
        Properties messages = serviceMessages;
        if (messages == null) {
            messages = new Properties();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = loader.getResourceAsStream(SERVICE_MESSAGES)) {
                if (in != null) {
                    messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(SERVICE_MESSAGES + " cannot be read", e);
            }
            serviceMessages = messages;
        }
        return messages;
    }
}
