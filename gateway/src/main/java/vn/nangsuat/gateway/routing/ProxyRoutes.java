package vn.nangsuat.gateway.routing;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.streams.Pipe;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import vn.nangsuat.gateway.config.GatewayConfig.Instance;
import vn.nangsuat.gateway.config.GatewayConfig;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.RequestId;
import vn.nangsuat.http.RequestTargets;

/**
 * Forwards each owned path prefix to its service. Request and answer are buffered whole (bodies are bounded; the
 * bodies of the few streamed paths, bulk imports, are piped through as they arrive instead),
 * so a client that drops its connection mid-request never leaves a half-used upstream connection behind: the
 * upstream exchange completes, its connection goes back to the pool, and the answer is dropped. A request to a
 * service known to be down ({@link UpstreamHealth}) is refused at once with 503 instead of waiting to fail. A read
 * the service has marked reusable is answered from the {@link SharedCache} while it is fresh.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final String REQUEST_ID = RequestId.HEADER;
    /** Headers that describe one hop, not the message (RFC 9110 section 7.6.1), plus those we set ourselves. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded");

    /** W3C Trace Context: the caller's, passed on as it came unless the gateway traces (then its own span's goes). */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate");

    /**
     * Reads are tried once more when their connection failed; a write only when it reached no instance (no connection
     * came about) and another instance is up: one whose connection broke off may have been done.
     */
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final GatewayProblems problems;
    private final UpstreamHealth health;
    private final ClientAddresses clients;
    private final SharedCache cache;

    public ProxyRoutes(GatewayConfig config, Upstreams upstreams, GatewayProblems problems, UpstreamHealth health,
            ClientAddresses clients, SharedCache cache) {
        this.config = config;
        this.upstreams = upstreams;
        this.problems = problems;
        this.health = health;
        this.clients = clients;
        this.cache = cache;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::assignRequestId);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        ClientBodyWatch watch = new ClientBodyWatch(config.clientBodyTimeout(), problems);
        config.upstreams().forEach((name, upstream) -> {
            // Before the prefixes' routes, and without the body handler: these bodies are never held whole.
            for (String path : upstream.streamedPaths().orElse(List.of())) {
                router.route(path).order(-10).handler(watch).handler(context -> forward(context, name, true))
                        .failureHandler(context -> problems.fromFailure(context));
            }
            for (String prefix : upstream.paths()) {
                for (String path : List.of(prefix, prefix + "/*")) {
                    router.route(path).handler(watch).handler(bodies).handler(context -> forward(context, name, false))
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

    private void forward(RoutingContext context, String name, boolean streamed) {
        HttpServerRequest request = context.request();
        // Paused at once, so no chunk of a streamed body arrives before the upstream can take it.
        Pipe<Buffer> pipe = streamed ? request.pipe() : null;
        if (streamed) {
            context.put(ClientBodyWatch.STREAMED, true);
        }
        // Byte for byte as the client sent it: raw UTF-8 stays raw UTF-8 (the service encodes it for routing).
        String target = RequestTargets.utf8(request.uri());
        if (target == null) {
            refuseBeforeForwarding(pipe);
            problems.write(context, ProblemType.MALFORMED_REQUEST, RequestTargets.NOT_UTF8);
            return;
        }
        if (!streamed) {
            var kept = cache.lookup(name, request);
            if (kept.isPresent()) {
                reply(context, kept.get().answer(), (System.currentTimeMillis() - kept.get().storedAt()) / 1000);
                return;
            }
        }
        long writesBefore = cache.writesSoFar(name);
        if (!health.up(name)) {
            refuseBeforeForwarding(pipe);
            context.response().putHeader("Retry-After", Long.toString(health.retryAfterSeconds(name)));
            problems.write(context, ProblemType.SERVICE_UNAVAILABLE,
                    health.state(name).refusal(name));
            return;
        }
        UpstreamHealth.Route route = UpstreamHealth.Route.of(name, request.method(), target);
        var cutOff = health.routeCutOff(route);
        if (cutOff.isPresent()) {
            refuseBeforeForwarding(pipe);
            context.response().putHeader("Retry-After", Long.toString(health.routeRetryAfterSeconds(route)));
            problems.write(context, ProblemType.SERVICE_UNAVAILABLE, cutOff.get());
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        // Tracing on: the client's span the gateway sends the service is the parent, so the caller's context stays here.
        boolean traced = Span.current().getSpanContext().isValid();
        request.headers().forEach(header -> {
            String key = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(key) && !(traced && TRACE_CONTEXT.contains(key))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set("X-Forwarded-For", clients.of(request));
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        Instance instance = health.pick(name);
        // The instance that answered, or failed last: a read whose connection failed goes once more to another one.
        AtomicReference<Instance> last = new AtomicReference<>(instance);
        (streamed
                ? upstreams.stream(instance.url(), request.method(), target, headers, request.getHeader("Content-Length"),
                        pipe, sending -> context.put(ClientBodyWatch.UPSTREAM_REQUEST, sending))
                : upstreams.send(instance.url(), request.method(), target, headers, context.body().buffer())
                        .recover(failure -> {
                            UpstreamRefusal refusal = UpstreamRefusal.of(failure, name);
                            boolean read = READS.contains(request.method());
                            if (!refusal.connectionFailed() || !read && !refusal.unreachable()) {
                                return Future.failedFuture(failure);
                            }
                            health.instanceFailed(name, instance, refusal);
                            Instance other = health.pickOtherThan(name, instance);
                            // A write that reached no instance goes to another one; it is never sent twice to one.
                            if (!read && other.equals(instance)) {
                                return Future.failedFuture(failure);
                            }
                            last.set(other);
                            return upstreams.send(other.url(), request.method(), target, headers,
                                    context.body().buffer());
                        }))
                .onComplete(done -> cache.forgetAfter(name, request.method()))
                .onSuccess(answer -> {
                    health.exchangeSucceeded(route);
                    cache.offer(name, request, answer, writesBefore);
                    reply(context, answer, -1);
                })
                .onFailure(failure -> refuse(context, name, last.get(), route, failure));
    }

    /** A streamed body refused before it is forwarded is read and dropped, so its connection stays usable. */
    private static void refuseBeforeForwarding(Pipe<Buffer> pipe) {
        if (pipe != null) {
            pipe.close();
        }
    }

    /** The client hears what kind of failure it was; the exception itself, which names the inside, goes to the log. */
    private void refuse(RoutingContext context, String name, Instance instance, UpstreamHealth.Route route,
            Throwable failure) {
        if (Boolean.TRUE.equals(context.get(ClientBodyWatch.STALLED))) {
            return;  // answered 408: the client stopped sending, and the service's request was reset for it
        }
        UpstreamRefusal refusal = UpstreamRefusal.of(failure, name);
        if (!context.request().isEnded()) {
            // Answered before the client finished its body (a streamed import): the rest is not waited for.
            ClientBodyWatch.closeAfterAnswer(context);
        }
        LOG.warnf("request %s: %s %s -> %s at %s failed, answered %d: %s", context.get(REQUEST_ID),
                context.request().method(), context.request().path(), UpstreamRefusal.serviceName(name), instance,
                refusal.status(), failure);
        health.exchangeFailed(route, instance, refusal);
        if (refusal.status() == 503) {
            context.response().putHeader("Retry-After", "1");
        }
        problems.write(context, refusal.type(), refusal.detail());
    }

    /** The service's answer, fresh ({@code age} -1) or kept by the shared cache that many seconds ago. */
    private void reply(RoutingContext context, Upstreams.Answer answer, long age) {
        HttpServerResponse response = context.response();
        if (response.closed() || response.ended()) {
            return;
        }
        answer.headers().forEach(header -> {
            String key = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(key) && !key.equals(REQUEST_ID.toLowerCase(Locale.ROOT))) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        if (age < 0) {
            response.setStatusCode(answer.status()).end(answer.body());
        } else if (EntityTags.unchanged(context.request().getHeader("If-None-Match"), answer.headers().get("ETag"))) {
            response.headers().remove("Content-Type");
            response.putHeader("Age", Long.toString(age)).setStatusCode(304).end();
        } else {
            response.putHeader("Age", Long.toString(age)).setStatusCode(answer.status()).end(answer.body());
        }
    }
}
