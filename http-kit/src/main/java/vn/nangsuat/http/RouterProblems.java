package vn.nangsuat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;

/**
 * The refusals of the HTTP layer itself, before any resource runs, as problem+json like every other 4xx:
 * a URI Vert.x cannot route (broken %-escapes; see {@link UriPrecheckSwitch}), a path no route owns, a
 * method a route does not take, a body over the server's limit.
 */
@ApplicationScoped
public class RouterProblems {

    private final ObjectMapper json;

    public RouterProblems(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        for (int status : new int[] {400, 404, 405, 413}) {
            router.errorHandler(status, context -> refuse(context, status));
        }
    }

    /** The detail of a 500, the gateway's and the services' alike: the cause stays in the log. */
    public static final Text NOT_COMPLETED = new Text(
            "The request could not be completed; the request id names it in the logs",
            "Không hoàn tất được yêu cầu; requestId giúp tìm lỗi trong nhật ký");

    /** The detail of a 404 for a path nothing answers to. */
    public static Text noResourceAt(String path) {
        return new Text("No resource at " + path, "Không có tài nguyên tại " + path);
    }

    /** The detail of a 405. */
    public static Text methodNotAllowedOn(String path) {
        return new Text("This method is not allowed on " + path, "Phương thức này không được phép trên " + path);
    }

    /** The standard refusal for a status of the HTTP layer (400, 404, 405, 413), for routes that fail with one. */
    public void refuse(RoutingContext context, int status) {
        switch (status) {
            case 400 -> write(context, ProblemType.MALFORMED_REQUEST,
                    new Text("The request line cannot be parsed: check the %-escapes of its path and query",
                            "Không phân tích được dòng yêu cầu: hãy kiểm tra các mã %-escape của đường dẫn và truy vấn"),
                    List.of(new FieldText("url", new Text("is not a valid URL", "không phải URL hợp lệ"))));
            case 404 -> write(context, ProblemType.NOT_FOUND, noResourceAt(safePath(context)), List.of());
            case 405 -> write(context, ProblemType.METHOD_NOT_ALLOWED, methodNotAllowedOn(safePath(context)), List.of());
            case 413 -> write(context, ProblemType.PAYLOAD_TOO_LARGE, new Text("The request body is larger than allowed",
                    "Nội dung yêu cầu lớn hơn mức cho phép"), List.of());
            default -> throw new IllegalArgumentException("no standard refusal for " + status);
        }
    }

    /**
     * Writes a problem of this type unless an answer is already on its way; the request id is the caller's when there
     * is one; title, detail and field messages in the language the request asks for ({@link ProblemLanguage}).
     */
    public void write(RoutingContext context, ProblemType type, Text detail, List<FieldText> errors) {
        if (context.response().headWritten() || context.response().closed()) {
            return;
        }
        String requestId = context.response().headers().get(RequestId.HEADER);
        if (requestId == null) {
            requestId = RequestId.acceptOrNew(null);
            context.response().putHeader(RequestId.HEADER, requestId);
        }
        Locale language = ProblemLanguage.of(context.request().getHeader("Accept-Language"));
        List<Problem.FieldError> fields = errors.stream().map(error -> error.in(language)).toList();
        Problem problem = new Problem(type.uri(), type.title(language), type.status(), detail.in(language),
                instanceOf(context), requestId, fields);
        try {
            context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Content-Language", language.getLanguage());
            context.response().headers().add("Vary", "Accept-Language");
            context.response().end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(type.status()).end();
        }
    }

    /** The path asked for, written so that it is a URI reference even when it was refused as malformed. */
    private static String instanceOf(RoutingContext context) {
        String raw = context.request().path();
        return raw == null ? safePath(context) : RequestTargets.quoted(raw);
    }

    private static String safePath(RoutingContext context) {
        try {
            return context.normalizedPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
