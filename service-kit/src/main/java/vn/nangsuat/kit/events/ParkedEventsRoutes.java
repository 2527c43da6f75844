package vn.nangsuat.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.RouterProblems;
import vn.nangsuat.http.Text;

/**
 * The operator's view of events set aside, on the management port (never published, as health and metrics):
 * `GET <root>/events/parked` lists those waiting for a replay, `POST <root>/events/parked/replay?consumer=<name>`
 * applies them again after a fix ({@link EventConsumers#replay}) and answers what it applied and what still waits.
 * Refusals are problem+json written by http-kit's {@link RouterProblems}, as every other refusal of a router.
 */
@ApplicationScoped
public class ParkedEventsRoutes {

    private final EventConsumers consumers;
    private final ParkedEvents parked;
    private final RouterProblems problems;
    private final ObjectMapper json;

    public ParkedEventsRoutes(EventConsumers consumers, ParkedEvents parked, RouterProblems problems, ObjectMapper json) {
        this.consumers = consumers;
        this.parked = parked;
        this.problems = problems;
        this.json = json;
    }

    void routes(@Observes ManagementInterface management,
            @ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q") String root) {
        String path = root.replaceAll("/$", "") + "/events/parked";
        management.router().get(path).blockingHandler(context -> guarded(context, this::waiting));
        management.router().post(path + "/replay").blockingHandler(context -> guarded(context, this::replay));
    }

    @FunctionalInterface
    private interface Work {
        void answer(RoutingContext context) throws Exception;
    }

    private void waiting(RoutingContext context) throws Exception {
        String consumer = context.request().getParam("consumer");
        send(context, parked.waiting(consumer).stream().map(ParkedEvents.Parked::summary).toList());
    }

    private void replay(RoutingContext context) throws Exception {
        String consumer = context.request().getParam("consumer");
        if (consumer == null || consumer.isBlank()) {
            problems.write(context, ProblemType.INVALID_INPUT, new Text("name the consumer whose events to replay",
                    "hãy nêu tên consumer có các sự kiện cần phát lại"),
                    List.of(new FieldText("consumer", new Text("is required", "là bắt buộc"))));
            return;
        }
        EventConsumers.Replay replay;
        try {
            replay = consumers.replay(consumer);
        } catch (IllegalArgumentException e) {
            Text unknown = new Text("this service has no consumer named " + consumer,
                    "dịch vụ này không có consumer tên " + consumer);
            problems.write(context, ProblemType.NOT_FOUND, unknown, List.of(new FieldText("consumer", unknown)));
            return;
        }
        send(context, replay);
    }

    /** Answers the work's result; a database that does not answer is a 503. */
    private void guarded(RoutingContext context, Work work) {
        try {
            work.answer(context);
        } catch (Exception e) {
            problems.write(context, ProblemType.DATABASE_UNAVAILABLE, new Text("the database did not answer: "
                    + e.getMessage(), "cơ sở dữ liệu không trả lời: " + e.getMessage()), List.of());
        }
    }

    private void send(RoutingContext context, Object body) throws JsonProcessingException {
        context.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(json.writeValueAsString(body));
    }
}
