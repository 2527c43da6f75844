package vn.nangsuat.kit.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.MDC;
import vn.nangsuat.http.Problem;
import vn.nangsuat.kit.web.RequestIds;

/** Builds problem+json responses; every exception mapper of service-kit goes through here. */
public final class Problems {

    /** The kind of every 400 that names invalid fields: parameters, headers or the body. */
    static final String INVALID_INPUT_SLUG = "invalid-input";
    static final String INVALID_INPUT_TITLE = "Invalid input";

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, String path,
            List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, path,
                requestId == null ? null : requestId.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The generic slug and title of a status, for refusals that come from the HTTP layer itself. */
    public static Response forStatus(int status, String detail, String path) {
        return response(status, slugOf(status), titleOf(status), detail, path, List.of());
    }

    /** The status's reason phrase, e.g. "Precondition Failed". */
    static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }

    /** The last segment of the problem type of a status, e.g. "precondition-failed". */
    static String slugOf(int status) {
        return titleOf(status).toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
