package vn.nangsuat.gateway.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import vn.nangsuat.gateway.config.GatewayConfig;
import vn.nangsuat.http.RequestId;

/**
 * Forwards each owned path prefix to its service. Request and answer are buffered whole (bodies are bounded),
 * so a client that drops its connection mid-request never leaves a half-used upstream connection behind: the
 * upstream exchange completes, its connection goes back to the pool, and the answer is dropped.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final String REQUEST_ID = RequestId.HEADER;
    /** Headers that describe one hop, not the message (RFC 9110 section 7.6.1), plus those we set ourselves. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded");

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final GatewayProblems problems;

    public ProxyRoutes(GatewayConfig config, Upstreams upstreams, GatewayProblems problems) {
        this.config = config;
        this.upstreams = upstreams;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::assignRequestId);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        config.upstreams().forEach((name, upstream) -> {
            for (String prefix : upstream.paths()) {
                for (String path : List.of(prefix, prefix + "/*")) {
                    router.route(path).handler(bodies).handler(context -> forward(context, name, upstream.url()))
                            .failureHandler(context -> problems.fromFailure(context));
                }
            }
        });
    }

    /** Every request gets an id: the caller's when sane, a new one otherwise; the services log the same id. */
    private void assignRequestId(RoutingContext context) {
        String id = RequestId.acceptOrNew(context.request().getHeader(REQUEST_ID));
        context.put(REQUEST_ID, id);
        context.request().headers().set(REQUEST_ID, id);
        context.response().putHeader(REQUEST_ID, id);
        context.next();
    }

    private void forward(RoutingContext context, String name, URI base) {
        HttpServerRequest request = context.request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set("X-Forwarded-For", request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        Buffer body = context.body().buffer();
        upstreams.send(base, request.method(), request.uri(), headers, body)
                .onSuccess(answer -> reply(context, answer))
                .onFailure(failure -> {
                    LOG.warnf("%s %s -> %s failed: %s", request.method(), request.path(), name, failure.toString());
                    if (failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout")) {
                        problems.write(context, HttpResponseStatus.GATEWAY_TIMEOUT.code(), "upstream-timeout",
                                "Gateway Timeout", "The " + name + " service did not answer in time");
                    } else {
                        problems.write(context, HttpResponseStatus.BAD_GATEWAY.code(), "upstream-unavailable",
                                "Bad Gateway", "The " + name + " service cannot be reached"
                                        + (failure instanceof ConnectException ? "" : ": " + failure.getMessage()));
                    }
                });
    }

    private void reply(RoutingContext context, Upstreams.Answer answer) {
        HttpServerResponse response = context.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(answer.status());
        answer.headers().forEach(header -> {
            String key = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(key) && !key.equals(REQUEST_ID.toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        response.end(answer.body());
    }
}
