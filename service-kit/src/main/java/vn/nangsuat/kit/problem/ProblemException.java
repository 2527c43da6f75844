package vn.nangsuat.kit.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Locale;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * A refusal the domain or a resource raises on purpose; it becomes a problem+json answer with this status.
 * Its type is one of the catalogue's ({@link ProblemType}).
 * <p>
 * A {@link WebApplicationException} (with no entity, so {@link ProblemMappers} still writes the body): Quarkus REST
 * passes those on as they are from a parameter converter, where it would turn any other failure into a bare 404.
 */
public class ProblemException extends WebApplicationException {

    private final ProblemType type;
    private final Text detail;
    private final List<FieldText> errors;

    public ProblemException(ProblemType type, Text detail, List<FieldText> errors) {
        super(detail.english(), type.status());
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** Nothing answers to what the request names: `detail` says what was looked for. */
    public static ProblemException notFound(Text detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, List.of());
    }

    /** The request is valid but contradicts the current state (an overlap, a unit that no longer exists, ...). */
    public static ProblemException conflict(Text detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    /** A single invalid field: the detail repeats the message so a client that reads only `detail` still learns it. */
    public static ProblemException invalid(String field, Text message) {
        return new ProblemException(ProblemType.INVALID_INPUT, message.after(field + ": "),
                List.of(new FieldText(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public String detail(Locale language) {
        return detail.in(language);
    }

    /** The field errors in this language (English when there is no other). */
    public List<Problem.FieldError> errors(Locale language) {
        return errors.stream().map(error -> error.in(language)).toList();
    }

    public List<Problem.FieldError> errors() {
        return errors(Locale.ENGLISH);
    }
}
