package vn.nangsuat.kit.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemType;

/**
 * A refusal the domain or a resource raises on purpose; it becomes a problem+json answer with this status.
 * Its type is one of the catalogue's ({@link ProblemType}).
 * <p>
 * A {@link WebApplicationException} (with no entity, so {@link ProblemMappers} still writes the body): Quarkus REST
 * passes those on as they are from a parameter converter, where it would turn any other failure into a bare 404.
 */
public class ProblemException extends WebApplicationException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, type.status());
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, List.of());
    }

    /** The request is valid but contradicts the current state (an overlap, a unit that no longer exists, ...). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    /** A single invalid field: the detail repeats the message so a client that reads only `detail` still learns it. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
