package vn.nangsuat.kit.datasource;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A service is ready when its database answers. Asked on a connection of the probe's own, opened and validated
 * outside the pool (Agroal's {@code isHealthy(true)}), because a pool whose connections are all in use is a busy
 * service, not a failed one: a probe through the pool would wait for one, and the gateway would cut the service off
 * for being busy. This replaces Quarkus' own check, which asks the pool (`quarkus.datasource.health.enabled=false`).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final AgroalDataSource dataSource;

    public DatabaseReadiness(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            boolean healthy = dataSource.isHealthy(true);
            return HealthCheckResponse.named("Database").status(healthy)
                    .withData("pool", dataSource.getMetrics().activeCount() + " of "
                            + dataSource.getConfiguration().connectionPoolConfiguration().maxSize() + " connections in use")
                    .build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("Database").down().withData("error", e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()).build();
        }
    }
}
