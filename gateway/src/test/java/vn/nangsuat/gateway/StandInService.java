package vn.nangsuat.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the services behind the gateway: a plain HTTP server that echoes what reached it, answers
 * slowly on demand and serves a small OpenAPI document. The gateway under test is the real one.
 */
public class StandInService implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            if (path.equals("/q/health/ready")) {
                request.response().end("{\"status\":\"UP\"}");
            } else if (path.equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("openapi", "3.1.0")
                        .put("paths", new JsonObject().put("/api/v1/provinces", new JsonObject().put("get",
                                new JsonObject().put("summary", "List the units"))))
                        .put("components", new JsonObject().put("schemas", new JsonObject()
                                .put("Problem", new JsonObject().put("type", "object"))))
                        .encode());
            } else if (path.endsWith("/slow")) {
                vertx.setTimer(300, t -> echo(request, body.toString()));
            } else if (path.endsWith("/very-slow")) {
                vertx.setTimer(3000, t -> echo(request, body.toString()));
            } else {
                echo(request, body.toString());
            }
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stand-in service did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstreams.province.url", url);
        config.put("gateway.upstreams.indicator.url", url);
        config.put("gateway.upstreams.plan.url", url);
        config.put("gateway.upstream-timeout", "1s");
        config.put("gateway.max-body-bytes", "1024");
        // Off here, so tests that send many requests are not throttled; GatewayRateLimitTest turns it on.
        config.put("gateway.rate-limit.requests-per-second", "0");
        return config;
    }

    private static void echo(io.vertx.core.http.HttpServerRequest request, String body) {
        if (request.response().closed()) {
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        request.response().putHeader("Content-Type", "application/json")
                .putHeader("Link", "<http://upstream/next>; rel=\"next\"")
                .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                        .put("headers", headers).put("body", body).encode());
    }

    /** A port nothing listens on, to stand for a service that is down. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
