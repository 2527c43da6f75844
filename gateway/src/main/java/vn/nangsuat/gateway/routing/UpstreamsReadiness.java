package vn.nangsuat.gateway.routing;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * Ready only when every upstream answers its own readiness through the gateway's connection pool: a gateway
 * whose pool no longer forwards is not ready, however alive its process is.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final Upstreams upstreams;

    public UpstreamsReadiness(GatewayConfig config, Upstreams upstreams) {
        this.config = config;
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Future<Integer>> probes = new LinkedHashMap<>();
        config.upstreams().forEach((name, upstream) -> probes.put(name,
                upstreams.send(upstream.url(), HttpMethod.GET, "/q/health/ready", MultiMap.caseInsensitiveMultiMap(), null)
                        .map(Upstreams.Answer::status)));
        List<Future<Integer>> all = new ArrayList<>(probes.values());
        return Uni.createFrom().completionStage(Future.join(all).toCompletionStage()
                .handle((ignored, failure) -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("Upstream services").up();
                    probes.forEach((name, probe) -> {
                        boolean ready = probe.succeeded() && probe.result() == 200;
                        builder.withData(name, ready ? "UP" : "DOWN"
                                + (probe.failed() ? " (" + probe.cause().getMessage() + ")" : " (HTTP " + probe.result() + ")"));
                        if (!ready) {
                            builder.down();
                        }
                    });
                    return builder.build();
                }));
    }
}
