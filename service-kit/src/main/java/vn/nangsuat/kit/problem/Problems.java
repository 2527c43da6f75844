package vn.nangsuat.kit.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.MDC;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.kit.web.RequestIds;

/**
 * Builds problem+json responses; every exception mapper of service-kit goes through here. The type is one of the
 * catalogue's ({@link ProblemType}); the title is its English one, and {@link ProblemTranslation} gives a request
 * that asks for Vietnamese the Vietnamese one.
 */
public final class Problems {

    private Problems() {
    }

    public static Response response(ProblemType type, String detail, String path, List<Problem.FieldError> errors) {
        return response(type.status(), type.uri(), type.title(Locale.ENGLISH), detail, path, errors);
    }

    /** The generic problem of a status, for refusals that come from the HTTP layer itself. */
    public static Response forStatus(int status, String detail, String path) {
        return ProblemType.generic(status).map(type -> response(type, detail, path, List.of()))
                .orElseGet(() -> response(status, Problem.TYPE_BASE + slugOf(status), titleOf(status), detail, path, List.of()));
    }

    private static Response response(int status, String type, String title, String detail, String path,
            List<Problem.FieldError> errors) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(type, title, status, detail, path, requestId == null ? null : requestId.toString(),
                errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The title of a status's generic problem type (the catalogue's), else its reason phrase. */
    static String titleOf(int status) {
        return ProblemType.generic(status).map(type -> type.title(Locale.ENGLISH)).orElseGet(() -> {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known != null ? known.getReasonPhrase() : "HTTP " + status;
        });
    }

    /** The slug of a status's generic problem type, e.g. "precondition-failed". */
    static String slugOf(int status) {
        return ProblemType.generic(status).map(ProblemType::slug)
                .orElseGet(() -> titleOf(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
