package vn.nangsuat.kit.cache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How far behind each snapshot and read model is, for operators: keys held, keys waiting to be computed again, and
 * how long the oldest has waited (also the metric `read_model_behind_seconds`). Reported, never gating: a read model
 * a moment behind still answers, and says so here. Read from memory, so a probe answers at once.
 */
@Readiness
@ApplicationScoped
public class ReadModelsReadiness implements HealthCheck {

    private final Snapshots snapshots;

    public ReadModelsReadiness(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1) StartupEvent startup, MeterRegistry registry) {
        snapshots.states().keySet().forEach(name -> Gauge.builder("read.model.behind.seconds", snapshots,
                        all -> all.states().getOrDefault(name, new ReadModel.State(0, 0, java.time.Duration.ZERO))
                                .behind().toMillis() / 1000.0)
                .tag("model", name)
                .description("How long the oldest answer of a read model or snapshot has waited to be computed again")
                .register(registry));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Read models").up();
        snapshots.states().forEach((name, state) -> builder
                .withData(name + " held", state.held())
                .withData(name + " stale", state.stale())
                .withData(name + " behindMillis", state.behind().toMillis()));
        return builder.build();
    }
}
