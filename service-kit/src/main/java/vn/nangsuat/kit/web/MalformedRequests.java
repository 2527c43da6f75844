package vn.nangsuat.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import vn.nangsuat.kit.problem.Problem;

/**
 * A request Vert.x cannot even route (a path with a broken %-escape, say) would get an empty 400 from
 * Quarkus's URI pre-check before any of our code runs. We switch that pre-check off (the router still refuses
 * such a request with 400; see {@link UriPrecheckSwitch}) and give the router's refusal the same problem+json
 * body as every other 4xx.
 */
@ApplicationScoped
public class MalformedRequests {

    private final ObjectMapper json;

    public MalformedRequests(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.errorHandler(400, this::writeProblem);
    }

    private void writeProblem(RoutingContext context) {
        if (context.response().headWritten()) {
            return;
        }
        String requestId = UUID.randomUUID().toString();
        Problem problem = new Problem(Problem.TYPE_BASE + "malformed-request", "Malformed request", 400,
                "The request line cannot be parsed: check the %-escapes of its path and query", null, requestId,
                java.util.List.of(new Problem.FieldError("url", "is not a valid URL")));
        try {
            context.response().setStatusCode(400)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(RequestIds.HEADER, requestId)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(400).end();
        }
    }
}
