package vn.nangsuat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the one shape of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)",
        requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(description = "URI naming the kind of problem, one of the catalogue at /problems; the gateway serves its"
                + " page (what it means, when it is sent, what errors[].field holds) at the URI's path",
                examples = "https://nangsuat.vn/problems/not-found")
        String type,
        @Schema(description = "Short summary of the kind of problem, in Vietnamese for Accept-Language: vi",
                examples = "Not Found")
        String title,
        @Schema(description = "HTTP status", examples = "404")
        int status,
        @Schema(description = "What went wrong with this request", examples = "No unit has code 99 on 2026-11-26")
        String detail,
        @Schema(description = "The request path", examples = "/api/v1/provinces/99")
        String instance,
        @Schema(description = "Request id, also in the X-Request-Id header and the logs")
        String requestId,
        @Schema(description = "One entry per invalid field")
        List<FieldError> errors) implements TitledProblem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Override
    public Problem withTitle(String title) {
        return new Problem(type, title, status, detail, instance, requestId, errors);
    }
    public static final String TYPE_BASE = "https://nangsuat.vn/problems/";

    /** One invalid input: the field (query parameter, path parameter, header or JSON pointer) and why. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "size") String field,
            @Schema(examples = "must be between 1 and 500") String message) {
    }
}
