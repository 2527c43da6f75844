package vn.nangsuat.kit.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import vn.nangsuat.http.Problem;

/**
 * A refusal the domain or a resource raises on purpose; it becomes a problem+json answer with this status.
 * The slug names the kind of problem (`not-found`, `invalid-input`, ...) under {@link Problem#TYPE_BASE}.
 * <p>
 * A {@link WebApplicationException} (with no entity, so {@link ProblemMappers} still writes the body): Quarkus REST
 * passes those on as they are from a parameter converter, where it would turn any other failure into a bare 404.
 */
public class ProblemException extends WebApplicationException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, status);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail, List.of());
    }

    /** The request is valid but contradicts the current state (an overlap, a unit that no longer exists, ...). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /** A single invalid field: the detail repeats the message so a client that reads only `detail` still learns it. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, Problems.INVALID_INPUT_SLUG, Problems.INVALID_INPUT_TITLE, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
