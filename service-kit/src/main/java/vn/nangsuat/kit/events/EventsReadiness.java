package vn.nangsuat.kit.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How far behind the events are, for operators: the outbox lag (age of the oldest unsent event, also the
 * metric `outbox_lag_seconds`) and, for each consumed topic, how many events the replica has not applied.
 * Reported as readiness detail; it does not turn readiness DOWN (Kafka's own check does when the broker is
 * away), because a service with a backlog still answers correctly from what it has.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final EventConsumers consumers;

    public EventsReadiness(AgroalDataSource dataSource, EventConsumers consumers) {
        this.dataSource = dataSource;
        this.consumers = consumers;
    }

    void registerMetrics(@Observes StartupEvent startup, MeterRegistry registry) {
        Gauge.builder("outbox.lag.seconds", this, readiness -> readiness.outbox().lagSeconds())
                .description("Age of the oldest event not yet sent to Kafka").register(registry);
        Gauge.builder("outbox.pending", this, readiness -> readiness.outbox().pending())
                .description("Events written but not yet sent to Kafka").register(registry);
    }

    public record OutboxState(long pending, double lagSeconds) {
    }

    public OutboxState outbox() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*), MIN(created_at) FROM outbox_event WHERE sent_at IS NULL");
                ResultSet row = query.executeQuery()) {
            row.next();
            long pending = row.getLong(1);
            Timestamp oldest = row.getTimestamp(2);
            double lag = oldest == null ? 0 : Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0;
            return new OutboxState(pending, Math.max(0, lag));
        } catch (SQLException e) {
            return new OutboxState(-1, -1);
        }
    }

    @Override
    public HealthCheckResponse call() {
        OutboxState outbox = outbox();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Events").up()
                .withData("outboxPending", outbox.pending())
                .withData("outboxLagSeconds", String.format("%.3f", outbox.lagSeconds()));
        consumers.progress().values().forEach(progress -> builder
                .withData(progress.topic() + " eventsBehind", progress.eventsBehind())
                .withData(progress.topic() + " lastApplied",
                        progress.lastApplied() == null ? "none yet" : progress.lastApplied().toString()));
        return builder.build();
    }
}
