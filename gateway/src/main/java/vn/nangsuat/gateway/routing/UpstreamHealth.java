package vn.nangsuat.gateway.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import vn.nangsuat.gateway.config.GatewayConfig.Instance;
import vn.nangsuat.gateway.config.GatewayConfig;
import vn.nangsuat.http.Text;

/**
 * What the gateway last learnt of each instance of each upstream: its readiness, probed every `probe-interval`
 * through the same connection pool that forwards requests, and a failed connection of a forwarded request as soon as
 * it happens. Readiness and routing read this state instead of probing on every call, so both stay fast during an
 * outage. Requests go to the instances that are up, in turn ({@link #pick}); an instance that cannot be reached or
 * says it is not ready is left out, and the upstream is cut off as a whole only when every instance is.
 * <p>
 * It also keeps a circuit breaker per route (method and path, without the query): `breaker-failures` requests of one
 * route failing in a row (broken off, timed out) cut that route off for `breaker-open-for`, then the next request is
 * let through and one more failure cuts it off again. So a read made slow by the load its own clients put on it
 * costs those clients a fast 503, while the service's other routes, and other clients, go on being served.
 */
@ApplicationScoped
public class UpstreamHealth {

    /** One upstream's last known state; {@code detail} is what readiness shows. */
    public record State(boolean up, boolean reachable, String detail) {

        /** What a request refused because the upstream is in this state is told. */
        public Text refusal(String upstream) {
            String service = UpstreamRefusal.serviceName(upstream);
            return reachable ? new Text(service + " is not ready", service + " chưa sẵn sàng")
                    : UpstreamRefusal.notReachable(service);
        }
    }

    private static final Logger LOG = Logger.getLogger(UpstreamHealth.class);
    private static final State NOT_YET_PROBED = new State(true, true, "UP (not probed yet)");
    /** Failing routes kept at once; past it, those no longer cut off are forgotten first. */
    private static final int MAX_ROUTES = 10_000;

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final Vertx vertx;
    /** Each upstream's instances, in the order of its URLs. */
    private final Map<String, List<Instance>> instances;
    private final Map<Instance, State> states = new ConcurrentHashMap<>();
    private final Map<Instance, Boolean> probing = new ConcurrentHashMap<>();
    /** Each upstream's turn: which of its instances the next request goes to. */
    private final Map<String, AtomicInteger> turns;
    /** The routes that failed lately; a route that succeeds is forgotten. */
    private final Map<Route, RouteBreaker> routes = new ConcurrentHashMap<>();
    private final Promise<Void> firstRound = Promise.promise();
    private long timer = -1;

    public UpstreamHealth(GatewayConfig config, Upstreams upstreams, Vertx vertx) {
        this.config = config;
        this.upstreams = upstreams;
        this.vertx = vertx;
        Map<String, List<Instance>> byUpstream = new HashMap<>();
        Map<String, AtomicInteger> turnOf = new HashMap<>();
        config.upstreams().forEach((name, upstream) -> {
            byUpstream.put(name, upstream.instances());
            turnOf.put(name, new AtomicInteger());
        });
        this.instances = Map.copyOf(byUpstream);
        this.turns = Map.copyOf(turnOf);
    }

    void start(@Observes StartupEvent started, MeterRegistry registry) {
        instances.forEach((name, all) -> {
            for (Instance instance : all) {
                Gauge.builder("gateway.upstream.up", this, health -> health.state(instance).up() ? 1 : 0)
                        .tags("service", UpstreamRefusal.serviceName(name), "instance", instance.toString())
                        .description("1 while the instance is up (reachable and ready), 0 while it is left out")
                        .register(registry);
            }
            Gauge.builder("gateway.routes.cut.off", this, health -> health.routesCutOff(name))
                    .tags("service", UpstreamRefusal.serviceName(name))
                    .description("Routes of the service whose circuit breaker is open (answered 503 at once)")
                    .register(registry);
        });
        probeAll().onComplete(done -> firstRound.tryComplete());
        timer = vertx.setPeriodic(config.probeInterval().toMillis(), tick -> probeAll());
    }

    /** Completes once every upstream has been probed once, so readiness never reports a guess. */
    public Future<Void> firstRound() {
        return firstRound.future();
    }

    /** Whether any instance of the upstream is up: what routing asks of every request, without building a report. */
    public boolean up(String upstream) {
        for (Instance instance : instances.get(upstream)) {
            if (state(instance).up()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An upstream's state, as readiness reports it: up while any instance is. With one instance, that instance's
     * state; with several, how many are up and what the others are.
     */
    public State state(String upstream) {
        List<Instance> all = instances.get(upstream);
        if (all.size() == 1) {
            return state(all.get(0));
        }
        List<String> down = new ArrayList<>();
        boolean reachable = false;
        for (Instance instance : all) {
            State state = state(instance);
            reachable |= state.reachable();
            if (!state.up()) {
                down.add(instance + " " + state.detail());
            }
        }
        if (down.isEmpty()) {
            return new State(true, true, "UP (" + all.size() + " instances)");
        }
        if (down.size() < all.size()) {
            return new State(true, true, "UP (" + (all.size() - down.size()) + " of " + all.size() + " instances; "
                    + String.join(", ", down) + ")");
        }
        return new State(false, reachable, "DOWN (every instance: " + String.join(", ", down) + ")");
    }

    private State state(Instance instance) {
        return states.getOrDefault(instance, NOT_YET_PROBED);
    }

    /** The instance an upstream's next request goes to: the next in turn of those up; any, when none is. */
    public Instance pick(String upstream) {
        return pickOtherThan(upstream, null);
    }

    /**
     * As {@link #pick}, leaving out {@code tried} while another instance is up: where a read whose connection failed
     * is tried once more.
     */
    public Instance pickOtherThan(String upstream, Instance tried) {
        List<Instance> all = instances.get(upstream);
        if (all.size() == 1) {
            return all.get(0);
        }
        int turn = Math.floorMod(turns.get(upstream).getAndIncrement(), all.size());
        for (int step = 0; step < all.size(); step++) {
            Instance candidate = all.get((turn + step) % all.size());
            if (!candidate.equals(tried) && state(candidate).up()) {
                return candidate;
            }
        }
        return tried != null ? tried : all.get(turn);
    }

    /** A forwarded request could not connect: routing leaves the instance out until a probe finds it again. */
    public void instanceFailed(String upstream, Instance instance, UpstreamRefusal refusal) {
        if (!refusal.unreachable()) {
            return;
        }
        State previous = states.put(instance, new State(false, false, "DOWN (not reachable)"));
        if (previous == null || previous.up()) {
            LOG.warnf("%s at %s is not reachable; it gets no request until it answers its readiness again",
                    UpstreamRefusal.serviceName(upstream), instance);
        }
    }

    /** A route of an upstream, the key of its breaker: the method and the path without its query. */
    public record Route(String upstream, String method, String path) {

        public static Route of(String upstream, HttpMethod method, String pathAndQuery) {
            int query = pathAndQuery.indexOf('?');
            return new Route(upstream, method.name(), query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
        }

        @Override
        public String toString() {
            return method + " " + path + " of " + UpstreamRefusal.serviceName(upstream);
        }
    }

    /** One route's failures in a row, and until when (epoch ms) it is cut off; 0 when it is not. */
    private static final class RouteBreaker {
        int failures;
        long openUntil;
    }

    /** Why a request of this route gets 503 without being forwarded; empty while the route is let through. */
    public Optional<Text> routeCutOff(Route route) {
        RouteBreaker breaker = routes.get(route);
        if (breaker == null) {
            return Optional.empty();
        }
        synchronized (breaker) {
            if (System.currentTimeMillis() >= breaker.openUntil) {
                return Optional.empty();
            }
            String request = route.method() + " " + route.path();
            String service = UpstreamRefusal.serviceName(route.upstream());
            long seconds = config.breakerOpenFor().toSeconds();
            return Optional.of(new Text(request + " failed " + breaker.failures + " times in a row at " + service
                    + " (timed out or broken off): it is cut off for " + seconds + " s; the service's other requests go on",
                    request + " đã lỗi " + breaker.failures + " lần liên tiếp tại " + service
                    + " (quá thời gian chờ hoặc bị ngắt): tạm ngừng chuyển tiếp trong " + seconds
                    + " giây; các yêu cầu khác tới dịch vụ vẫn được phục vụ"));
        }
    }

    /** How many routes of the upstream are cut off now. */
    private long routesCutOff(String upstream) {
        long now = System.currentTimeMillis();
        return routes.entrySet().stream().filter(entry -> entry.getKey().upstream().equals(upstream))
                .filter(entry -> {
                    synchronized (entry.getValue()) {
                        return entry.getValue().openUntil > now;
                    }
                }).count();
    }

    /** Seconds a client should wait before trying a cut-off route again. */
    public long routeRetryAfterSeconds(Route route) {
        RouteBreaker breaker = routes.get(route);
        long open = breaker == null ? 0 : breaker.openUntil - System.currentTimeMillis();
        return Math.max(1, (open + 999) / 1000);
    }

    /**
     * What a failed exchange with an instance says: an instance that cannot be reached is left out until a probe finds
     * it; a route that timed out or broke off counts one more failure in a row, and one too many cuts the route off.
     */
    public void exchangeFailed(Route route, Instance instance, UpstreamRefusal refusal) {
        if (refusal.unreachable()) {
            instanceFailed(route.upstream(), instance, refusal);
            return;
        }
        if (!refusal.connectionFailed() && refusal.status() != 504) {
            return;
        }
        if (routes.size() >= MAX_ROUTES) {
            long now = System.currentTimeMillis();
            routes.values().removeIf(breaker -> breaker.openUntil <= now);
        }
        RouteBreaker breaker = routes.computeIfAbsent(route, key -> new RouteBreaker());
        synchronized (breaker) {
            breaker.failures++;
            long now = System.currentTimeMillis();
            if (breaker.failures >= config.breakerFailures() && breaker.openUntil <= now) {
                breaker.openUntil = now + config.breakerOpenFor().toMillis();
                LOG.warnf("%s failed %d requests in a row; it gets 503 for %d s", route, breaker.failures,
                        config.breakerOpenFor().toSeconds());
            }
        }
    }

    /** A route got an answer: its failures in a row start again from none. */
    public void exchangeSucceeded(Route route) {
        routes.remove(route);
    }

    /** Seconds a client should wait before trying a down upstream again: until the next probe. */
    public long retryAfterSeconds(String upstream) {
        return Math.max(1, (config.probeInterval().toMillis() + 999) / 1000);
    }

    private Future<Void> probeAll() {
        List<Future<Void>> probes = new ArrayList<>();
        instances.forEach((name, all) -> {
            for (Instance instance : all) {
                // A probe still waiting from the last round is not doubled.
                if (probing.putIfAbsent(instance, Boolean.TRUE) == null) {
                    probes.add(probe(name, instance).onComplete(done -> probing.remove(instance)));
                }
            }
        });
        return Future.join(probes).mapEmpty();
    }

    private Future<Void> probe(String name, Instance instance) {
        return upstreams.send(instance.management(), HttpMethod.GET, "/q/health/ready", MultiMap.caseInsensitiveMultiMap(),
                        null, config.probeInterval())
                .map(answer -> answer.status() == 200
                        ? new State(true, true, "UP")
                        : new State(false, true, "DOWN (answered its readiness with HTTP " + answer.status() + ")"))
                .recover(failure -> {
                    if (failure instanceof ConnectionPoolTooBusyException) {
                        // The pool is full of requests to it: overloaded, not gone.
                        State last = state(instance);
                        return Future.succeededFuture(last.up()
                                ? new State(true, true, "UP (busy: every connection in use, the wait queue full)") : last);
                    }
                    UpstreamRefusal refusal = UpstreamRefusal.of(failure, name);
                    return Future.succeededFuture(new State(false, !refusal.unreachable(), refusal.unreachable()
                            ? "DOWN (not reachable)" : "DOWN (no valid answer to its readiness: " + refusal.type().slug() + ")"));
                })
                .map(state -> {
                    State previous = states.put(instance, state);
                    if (previous != null && previous.up() != state.up()) {
                        LOG.infof("%s at %s is now %s", UpstreamRefusal.serviceName(name), instance, state.detail());
                    }
                    return null;
                });
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
