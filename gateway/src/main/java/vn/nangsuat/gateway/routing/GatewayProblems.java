package vn.nangsuat.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.RouterProblems;
import vn.nangsuat.http.Text;

/** problem+json answers of the gateway itself: a service down or slow, a body too large, a failed route. */
@ApplicationScoped
public class GatewayProblems {

    private static final Logger LOG = Logger.getLogger(GatewayProblems.class);

    private final RouterProblems problems;
    private final MeterRegistry registry;
    /** `gateway_refused_total{status}`: what the gateway answered itself, by status (429, 503, 502, 504, 401...). */
    private final Map<Integer, Counter> refused = new ConcurrentHashMap<>();

    public GatewayProblems(RouterProblems problems, MeterRegistry registry) {
        this.problems = problems;
        this.registry = registry;
    }

    /** A refusal of the gateway's own, its detail in the language the request asks for. */
    public void write(RoutingContext context, ProblemType type, Text detail) {
        refused.computeIfAbsent(type.status(), code -> Counter.builder("gateway.refused").tag("status", Integer.toString(code))
                .description("Requests the gateway answered itself with a problem, by status").register(registry))
                .increment();
        problems.write(context, type, detail, List.of());
    }

    /** Whether HTTP's own decoder refused what the client sent (Netty names itself as the thrower). */
    static boolean malformedMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DecoderException) {
                return true;
            }
            StackTraceElement[] frames = cause.getStackTrace();
            if (frames.length > 0 && frames[0].getClassName().startsWith("io.netty.handler.codec.http.")) {
                return true;
            }
        }
        return false;
    }

    /** A failed route: the body handler's 413, or anything unexpected as a bare 500 with the cause in the log. */
    public void fromFailure(RoutingContext context) {
        if (Boolean.TRUE.equals(context.get(ClientBodyWatch.STALLED))) {
            return;  // answered 408 already; the body's reader failed as its connection closed
        }
        int status = context.statusCode();
        if (malformedMessage(context.failure())) {
            // The connection cannot carry another request after a body it could not read: it is closed after this.
            context.response().putHeader("Connection", "close");
            write(context, ProblemType.MALFORMED_REQUEST, new Text("The request body is not well-formed HTTP (a chunk size"
                    + " that is not hexadecimal, or a chunk that does not end where it says)", "Nội dung yêu cầu không đúng"
                    + " định dạng HTTP (kích thước chunk không phải số thập lục phân, hoặc chunk không kết thúc đúng chỗ)"));
            return;
        }
        if (context.failure() instanceof HttpClosedException) {
            return;  // the client went away mid-request: nobody to answer, nothing failed here
        }
        if (status == 413) {
            problems.refuse(context, 413);
        } else if (status >= 400 && status < 500) {
            write(context, ProblemType.generic(status).orElse(ProblemType.MALFORMED_REQUEST),
                    new Text("The request cannot be forwarded as sent", "Không chuyển tiếp được yêu cầu như đã gửi"));
        } else {
            LOG.error("gateway route failed", context.failure());
            write(context, ProblemType.INTERNAL_SERVER_ERROR, RouterProblems.NOT_COMPLETED);
        }
    }
}
