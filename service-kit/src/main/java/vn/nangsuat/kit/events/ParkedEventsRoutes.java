package vn.nangsuat.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nangsuat.http.Problem;

/**
 * The operator's view of events set aside, on the management port (never published, as health and metrics):
 * `GET <root>/events/parked` lists those waiting for a replay, `POST <root>/events/parked/replay?consumer=<name>`
 * applies them again after a fix ({@link EventConsumers#replay}) and answers what it applied and what still waits.
 */
@ApplicationScoped
public class ParkedEventsRoutes {

    private final EventConsumers consumers;
    private final ParkedEvents parked;
    private final ObjectMapper json;

    public ParkedEventsRoutes(EventConsumers consumers, ParkedEvents parked, ObjectMapper json) {
        this.consumers = consumers;
        this.parked = parked;
        this.json = json;
    }

    void routes(@Observes ManagementInterface management,
            @ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q") String root) {
        String path = root.replaceAll("/$", "") + "/events/parked";
        management.router().get(path).blockingHandler(context -> answer(context, () -> waiting(context)));
        management.router().post(path + "/replay").blockingHandler(context -> answer(context, () -> replay(context)));
    }

    private record Answer(int status, Object body) {
    }

    private Answer waiting(RoutingContext context) throws Exception {
        String consumer = context.request().getParam("consumer");
        List<ParkedEvents.Parked> waiting = parked.waiting(consumer).stream().map(ParkedEvents.Parked::summary).toList();
        return new Answer(200, waiting);
    }

    private Answer replay(RoutingContext context) throws Exception {
        String consumer = context.request().getParam("consumer");
        String path = context.request().path();
        if (consumer == null || consumer.isBlank()) {
            return new Answer(400, problem(400, "invalid-input", "Invalid input", "name the consumer whose events to replay",
                    path, List.of(new Problem.FieldError("consumer", "is required"))));
        }
        try {
            return new Answer(200, consumers.replay(consumer));
        } catch (IllegalArgumentException e) {
            return new Answer(404, problem(404, "not-found", "Not Found", e.getMessage(), path,
                    List.of(new Problem.FieldError("consumer", e.getMessage()))));
        }
    }

    private static Problem problem(int status, String slug, String title, String detail, String path,
            List<Problem.FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, detail, path, null, errors);
    }

    @FunctionalInterface
    private interface Work {
        Answer get() throws Exception;
    }

    private void answer(RoutingContext context, Work work) {
        Answer answer;
        try {
            answer = work.get();
        } catch (Exception e) {
            answer = new Answer(503, problem(503, "database-unavailable", "Service Unavailable",
                    "the database did not answer: " + e.getMessage(), context.request().path(), null));
        }
        try {
            context.response().setStatusCode(answer.status())
                    .putHeader("Content-Type", answer.status() < 400 ? "application/json" : Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(answer.body()));
        } catch (Exception e) {
            context.fail(e);
        }
    }
}
