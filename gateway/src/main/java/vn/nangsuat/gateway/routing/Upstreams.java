package vn.nangsuat.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.streams.Pipe;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * The one HTTP client the gateway uses to reach the services, for forwarded requests, readiness and the
 * OpenAPI documents alike, so that readiness sees the same connection pool that requests use. Both of its
 * buffers are bounded: the requests waiting for a pooled connection (`max-wait-queue`, then
 * ConnectionPoolTooBusyException) and each answer (`max-response-bytes`, then {@link AnswerTooLargeException}).
 */
@ApplicationScoped
public class Upstreams {

    /** A buffered answer of an upstream. */
    public record Answer(int status, MultiMap headers, Buffer body) {
    }

    /** An upstream's answer is larger than the gateway buffers; the exchange is cut off and its connection closed. */
    public static final class AnswerTooLargeException extends VertxException {
        AnswerTooLargeException(long limit) {
            super("upstream answer larger than " + limit + " bytes", true);
        }
    }

    private final HttpClient client;
    private final GatewayConfig config;

    public Upstreams(Vertx vertx, GatewayConfig config) {
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setTcpNoDelay(true)
                // For a service whose URL says https: its certificate must name the host the URL names.
                .setVerifyHost(true);
        config.upstreamCaCerts().ifPresent(certificates -> options.setTrustOptions(
                new PemTrustOptions().addCertPath(certificates)));
        this.client = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(config.poolSize()).setMaxWaitQueueSize(config.maxWaitQueue()));
    }

    /** Sends a request with a fully buffered body and buffers the whole answer, bounded by the upstream timeout. */
    public Future<Answer> send(URI base, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
        return send(base, method, pathAndQuery, headers, body, config.upstreamTimeout());
    }

    /** As {@link #send(URI, HttpMethod, String, MultiMap, Buffer)}, waiting at most {@code timeout} for the answer. */
    public Future<Answer> send(URI base, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body,
            Duration timeout) {
        return client.request(options(base, method, pathAndQuery, headers, timeout))
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(this::readBounded);
    }

    /**
     * Sends a request whose body is piped from the client's as it arrives, with the client's back-pressure (a slow
     * service slows the client, the gateway holds a few chunks), and buffers the answer. A client that breaks off
     * mid-body resets the exchange: the service never sees a truncated body as a whole one. {@code sending} is told the
     * request to the service once it exists.
     */
    public Future<Answer> stream(URI base, HttpMethod method, String pathAndQuery, MultiMap headers, String contentLength,
            Pipe<Buffer> body, Handler<HttpClientRequest> sending) {
        return client.request(options(base, method, pathAndQuery, headers, config.upstreamTimeout())).compose(request -> {
            sending.handle(request);
            if (contentLength != null) {
                request.putHeader(HttpHeaders.CONTENT_LENGTH, contentLength);
            } else {
                request.setChunked(true);
            }
            body.endOnFailure(false).to(request).onFailure(broken -> request.reset(0, broken));
            return request.response();
        }, failure -> {
            body.close();
            return Future.failedFuture(failure);
        }).compose(this::readBounded);
    }

    private static RequestOptions options(URI base, HttpMethod method, String pathAndQuery, MultiMap headers,
            Duration timeout) {
        boolean https = "https".equalsIgnoreCase(base.getScheme());
        return new RequestOptions()
                .setMethod(method)
                .setSsl(https)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : https ? 443 : 80)
                .setURI(pathAndQuery)
                .setHeaders(headers)
                .setIdleTimeout(timeout.toMillis());
    }

    /** Buffers the answer up to the cap; past it, resets the exchange so neither memory nor the connection is held. */
    private Future<Answer> readBounded(HttpClientResponse response) {
        long limit = config.maxResponseBytes();
        Promise<Answer> answer = Promise.promise();
        String declared = response.getHeader("Content-Length");
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > limit) {
            response.request().reset(0, new AnswerTooLargeException(limit));
            return Future.failedFuture(new AnswerTooLargeException(limit));
        }
        Buffer content = Buffer.buffer();
        response.exceptionHandler(answer::tryFail);
        response.handler(chunk -> {
            if (content.length() + (long) chunk.length() > limit) {
                AnswerTooLargeException tooLarge = new AnswerTooLargeException(limit);
                if (answer.tryFail(tooLarge)) {
                    response.request().reset(0, tooLarge);
                }
            } else {
                content.appendBuffer(chunk);
            }
        });
        response.endHandler(end -> answer.tryComplete(new Answer(response.statusCode(), response.headers(), content)));
        return answer.future();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
