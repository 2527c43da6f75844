package vn.nangsuat.gateway.routing;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * Ready while at least one upstream answers its own readiness through the gateway's connection pool: one
 * service's outage must not take the others off the load balancer, but a gateway whose pool reaches none is
 * not ready, however alive its process is. Each upstream's state is in the detail. Reads the last probes
 * ({@link UpstreamHealth}), so it answers at once; only the very first call waits for the first round.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final UpstreamHealth health;

    public UpstreamsReadiness(GatewayConfig config, UpstreamHealth health) {
        this.config = config;
        this.health = health;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(health.firstRound().toCompletionStage()).map(ignored -> report());
    }

    private HealthCheckResponse report() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("Upstream services");
        boolean anyUp = false;
        for (String name : config.upstreams().keySet()) {
            UpstreamHealth.State state = health.state(name);
            builder.withData(name, state.detail());
            anyUp |= state.up();
        }
        return builder.status(anyUp).build();
    }
}
