package vn.nangsuat.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.problem.Problem;

/** problem+json answers of the gateway itself: upstream down or slow, body too large. */
@ApplicationScoped
public class GatewayProblems {

    private static final Logger LOG = Logger.getLogger(GatewayProblems.class);

    private final ObjectMapper json;

    public GatewayProblems(ObjectMapper json) {
        this.json = json;
    }

    public void write(RoutingContext context, int status, String slug, String title, String detail) {
        if (context.response().closed() || context.response().ended()) {
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, context.request().path(),
                context.get(ProxyRoutes.REQUEST_ID), List.of());
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }

    /** A failed route: the body handler's 413, or anything unexpected as a bare 500 with the cause in the log. */
    public void fromFailure(RoutingContext context) {
        int status = context.statusCode();
        if (status == 413) {
            write(context, 413, "payload-too-large", "Payload Too Large", "The request body is larger than allowed");
        } else if (status >= 400 && status < 500) {
            write(context, status, "bad-request", "Bad Request", "The request cannot be forwarded as sent");
        } else {
            LOG.error("gateway route failed", context.failure());
            write(context, 500, "internal-server-error", "Internal Server Error",
                    "The request could not be completed; the request id names it in the logs");
        }
    }
}
