package vn.nangsuat.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.MultiMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * The one HTTP client the gateway uses to reach the services, for forwarded requests, readiness and the
 * OpenAPI documents alike, so that readiness sees the same connection pool that requests use.
 */
@ApplicationScoped
public class Upstreams {

    /** A buffered answer of an upstream. */
    public record Answer(int status, MultiMap headers, Buffer body) {
    }

    private final HttpClient client;
    private final GatewayConfig config;

    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(30)
                        .setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(config.poolSize()).setMaxWaitQueueSize(config.poolSize() * 16));
    }

    /** Sends a request with a fully buffered body and buffers the whole answer, bounded by the upstream timeout. */
    public Future<Answer> send(URI base, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : 80)
                .setURI(pathAndQuery)
                .setHeaders(headers)
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(content -> answer(response, content)));
    }

    private static Answer answer(HttpClientResponse response, Buffer content) {
        return new Answer(response.statusCode(), response.headers(), content);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
