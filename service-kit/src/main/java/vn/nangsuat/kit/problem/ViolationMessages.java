package vn.nangsuat.kit.problem;

import jakarta.validation.ConstraintViolation;
import java.util.Locale;
import java.util.Map;
import vn.nangsuat.http.ProblemType;

/**
 * Bean Validation's standard messages in Vietnamese, for a problem answered to `Accept-Language: vi`. Only a
 * violation that carries the standard message of its constraint is translated (`{jakarta.validation.constraints.Min
 * .message}`); one with a message of its own keeps it. Written here rather than as a ValidationMessages_vi bundle:
 * Hibernate Validator preloads its bundles for the build-time locales only, and a request's language must never be able
 * to fail its validation (HV000250, seen when tried).
 */
final class ViolationMessages {

    private static final String STANDARD = "{jakarta.validation.constraints.";

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

    /** The violation's message in this language: its own (English) unless Vietnamese is asked and one is known. */
    static String of(ConstraintViolation<?> violation, Locale language) {
        String template = violation.getMessageTemplate();
        if (!ProblemType.isVietnamese(language) || template == null || !template.startsWith(STANDARD)) {
            return violation.getMessage();
        }
        String constraint = template.substring(STANDARD.length(), template.length() - ".message}".length());
        String message = VIETNAMESE.get(constraint);
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
}
