package vn.nangsuat.kit.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemLanguage;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.RouterProblems;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.datasource.DatabaseFailures;
import vn.nangsuat.kit.web.ParamConverters;

/**
 * Turns every exception that reaches the HTTP layer into problem+json, so the three services refuse the same
 * way. Bad input is a 4xx naming the field; anything unexpected is a bare 500 whose cause stays in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        Locale language = languageOf(headers);
        return Problems.response(e.type(), e.detail(language), uri.getPath(), e.errors(language));
    }

    /** Quarkus maps its own subclass for REST parameters and bodies; ours must be at least as specific. */
    @ServerExceptionMapper(priority = Priorities.USER - 100, value = { ConstraintViolationException.class,
            ResteasyReactiveViolationException.class })
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, ResourceInfo resource,
            HttpHeaders headers) {
        Locale language = languageOf(headers);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v, resource.getResourceMethod()), ViolationMessages.of(v, language)))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return Problems.response(ProblemType.INVALID_INPUT, detail, uri.getPath(), errors);
    }

    /** Quarkus REST maps Jackson's input errors itself (with a body of its own shape); ours comes first. */
    @ServerExceptionMapper(priority = Priorities.USER - 100, value = { JacksonException.class,
            MismatchedInputException.class,
            InvalidFormatException.class,
            JsonParseException.class })
    public Response unreadableJson(JacksonException e, UriInfo uri, HttpHeaders headers) {
        Problem.FieldError error = JsonInputErrors.describe(e, languageOf(headers));
        return Problems.response(ProblemType.INVALID_INPUT,
                error.field() + ": " + error.message(), uri.getPath(), List.of(error));
    }

    /** No or an invalid token: 401 with the scheme to use. Authentication runs lazily, inside the REST layer. */
    @ServerExceptionMapper({ UnauthorizedException.class,
            AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(Problems.forStatus(401, new Text("This operation needs a valid bearer token (RS256 JWT)",
                        "Thao tác này cần một bearer token hợp lệ (JWT RS256)").in(languageOf(headers)), uri.getPath()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return Problems.forStatus(403, new Text("The token's role or provinces do not allow this operation",
                "Vai trò hoặc các tỉnh trong token không cho phép thao tác này").in(languageOf(headers)), uri.getPath());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        if (e.getCause() instanceof JacksonException unreadable) {
            return unreadableJson(unreadable, uri, headers);  // Quarkus REST wraps a body that is not well-formed JSON so
        }
        if (e.getCause() instanceof DateTimeParseException unparsable) {
            ProblemException named = ParamConverters.unparsableTemporal(unparsable, resource.getResourceMethod(), uri);
            if (named != null) {
                return problem(named, uri, headers);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return Problems.forStatus(status, null, uri.getPath());
        }
        Text detail = switch (status) {
            case 404 -> RouterProblems.noResourceAt(uri.getPath());
            case 405 -> RouterProblems.methodNotAllowedOn(uri.getPath());
            case 400 -> new Text("The request cannot be read: check the %-escapes of its query and the syntax of its body",
                    "Không đọc được yêu cầu: hãy kiểm tra các mã %-escape của truy vấn và cú pháp của nội dung");
            case 406 -> new Text("No answer of this operation is of a type the request accepts: see its Accept header",
                    "Không có câu trả lời nào của thao tác này thuộc kiểu mà yêu cầu chấp nhận: hãy xem header Accept");
            case 415 -> new Text("This operation does not take a body of this Content-Type",
                    "Thao tác này không nhận nội dung có Content-Type này");
            default -> Text.english(e.getMessage());
        };
        return Problems.forStatus(status, detail.in(languageOf(headers)), uri.getPath());
    }

    /**
     * What is not a refusal of the request may still be the database's state: unreachable (connection refused
     * or lost, no connection to be had) is a 503 the client may retry soon; a concurrent request that wrote first
     * (a unique key refusing the row, a deadlock broken by the database) is a 409, or a 412 when the write was
     * conditional (`If-Match`): two writes that both passed the check raced, and the client's answer is the same as
     * for a failed check (read again, retry with the new ETag). Anything else is a bare 500 whose cause stays in the log.
     */
    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Locale language = languageOf(headers);
        if (DatabaseFailures.poolExhausted(e)) {
            LOG.warnf("no database connection came free in time: %s", e.toString());
            return Response.fromResponse(Problems.response(ProblemType.SERVICE_BUSY,
                            new Text("The service is busy: every database connection stayed in use while this request"
                                    + " waited; nothing was changed. Retry after the time in Retry-After",
                                    "Dịch vụ đang bận: mọi kết nối cơ sở dữ liệu đều bị chiếm trong lúc yêu cầu này chờ; chưa"
                                            + " có gì thay đổi. Hãy thử lại sau thời gian trong Retry-After").in(language),
                            uri.getPath(), List.of()))
                    .header("Retry-After", BUSY_RETRY_AFTER_SECONDS).build();
        }
        if (clientWentAway(e)) {
            // Nobody will read this answer; the client's doing, not a failure of the service.
            LOG.debugf("the client closed the connection before its request was read: %s", e.toString());
            return Problems.forStatus(400, new Text("The connection was closed before the request was read whole",
                    "Kết nối đã đóng trước khi đọc hết yêu cầu").in(language), uri.getPath());
        }
        if (DatabaseFailures.databaseUnreachable(e)) {
            LOG.warnf("database unreachable: %s", e.toString());
            return Response.fromResponse(Problems.response(ProblemType.DATABASE_UNAVAILABLE,
                            (DatabaseFailures.commitInterrupted(e)
                                    ? new Text("The connection to the database was lost while the change was being"
                                            + " committed: read the resource again shortly to see whether it was applied,"
                                            + " and retry if it was not",
                                            "Mất kết nối tới cơ sở dữ liệu khi đang ghi nhận thay đổi: hãy đọc lại tài nguyên"
                                                    + " sau giây lát để biết thay đổi đã được áp dụng chưa, và thử lại nếu chưa")
                                    : new Text("The service cannot reach its database just now; nothing was changed. Retry"
                                            + " shortly", "Dịch vụ hiện không kết nối được cơ sở dữ liệu; chưa có gì thay"
                                            + " đổi. Hãy thử lại sau giây lát")).in(language),
                            uri.getPath(), List.of()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseFailures.concurrentWrite(e) && headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            LOG.infof("a conditional write lost a race: %s", e.toString());
            return Problems.response(ProblemType.PRECONDITION_FAILED,
                    new Text("The resource changed while this write waited; nothing was changed. Read it again and retry"
                            + " with its new ETag", "Tài nguyên đã thay đổi trong lúc lần ghi này chờ; chưa có gì thay đổi."
                            + " Hãy đọc lại và thử lại với ETag mới").in(language), uri.getPath(),
                    List.of(new Problem.FieldError(HttpHeaders.IF_MATCH, new Text("was current when checked, but a"
                            + " concurrent write changed the resource first", "còn đúng khi kiểm tra, nhưng một lần ghi"
                            + " đồng thời đã thay đổi tài nguyên trước").in(language))));
        }
        if (DatabaseFailures.concurrentWrite(e)) {
            LOG.infof("refused by a unique key: %s", e.toString());
            return Problems.response(ProblemType.CONFLICT,
                    new Text("A concurrent request changed this resource first; nothing was changed. Read it again and"
                            + " retry", "Một yêu cầu đồng thời đã thay đổi tài nguyên này trước; chưa có gì thay đổi. Hãy"
                            + " đọc lại và thử lại").in(language),
                    uri.getPath(), List.of());
        }
        LOG.error("unexpected failure", e);
        return Problems.forStatus(500, RouterProblems.NOT_COMPLETED.in(language), uri.getPath());
    }

    /** The language of the problem: Vietnamese when the request prefers it (a test may call without headers). */
    private static Locale languageOf(HttpHeaders headers) {
        return ProblemLanguage.of(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static final String RETRY_AFTER_SECONDS = "5";
    static final String BUSY_RETRY_AFTER_SECONDS = "1";

    /** The client closed its connection while its request body was being read (a load test stopping, say). */
    static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * `list.arg0.size` or `list.size` becomes `size`, and a parameter is named as the client sends it (its
     * `@QueryParam`, ...), not as the Java parameter is: a client knows its parameters and fields, not our methods.
     */
    private static String fieldName(ConstraintViolation<?> violation, Method resourceMethod) {
        String last = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = node.as(Path.MethodNode.class);
                case PARAMETER -> last = clientName(resourceMethod, method, node.as(Path.ParameterNode.class))
                        .orElse(node.getName());
                case CONTAINER_ELEMENT -> { } // an element of a list parameter: the parameter names it
                default -> last = node.getName();
            }
        }
        return last == null ? violation.getPropertyPath().toString() : last;
    }

    /** The parameter's JAX-RS name when the violation is of the matched resource method's parameter. */
    private static Optional<String> clientName(Method resourceMethod, Path.MethodNode method, Path.ParameterNode parameter) {
        if (resourceMethod == null || method == null || !resourceMethod.getName().equals(method.getName())
                || !List.of(resourceMethod.getParameterTypes()).equals(method.getParameterTypes())) {
            return Optional.empty();
        }
        return ParamConverters.parameterName(resourceMethod.getParameterAnnotations()[parameter.getParameterIndex()]);
    }
}
