package vn.nangsuat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

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

    /** The standard refusal for a status of the HTTP layer (400, 404, 405, 413), for routes that fail with one. */
    public void refuse(RoutingContext context, int status) {
        switch (status) {
            case 400 -> write(context, 400, "malformed-request", "Malformed request",
                    "The request line cannot be parsed: check the %-escapes of its path and query",
                    List.of(new Problem.FieldError("url", "is not a valid URL")));
            case 404 -> write(context, 404, "not-found", "Not Found", "No resource at " + safePath(context), List.of());
            case 405 -> write(context, 405, "method-not-allowed", "Method Not Allowed",
                    "This method is not allowed on " + safePath(context), List.of());
            case 413 -> write(context, 413, "payload-too-large", "Payload Too Large",
                    "The request body is larger than allowed", List.of());
            default -> throw new IllegalArgumentException("no standard refusal for " + status);
        }
    }

    /** Writes a problem unless an answer is already on its way; the request id is the caller's when there is one. */
    public void write(RoutingContext context, int status, String slug, String title, String detail,
            List<Problem.FieldError> errors) {
        if (context.response().headWritten() || context.response().closed()) {
            return;
        }
        String requestId = context.response().headers().get(RequestId.HEADER);
        if (requestId == null) {
            requestId = RequestId.acceptOrNew(null);
            context.response().putHeader(RequestId.HEADER, requestId);
        }
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                status == 400 ? null : safePath(context), requestId, errors);
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }

    private static String safePath(RoutingContext context) {
        try {
            return context.normalizedPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
