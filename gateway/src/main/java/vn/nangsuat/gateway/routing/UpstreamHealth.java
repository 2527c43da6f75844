package vn.nangsuat.gateway.routing;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * What the gateway last learnt of each upstream: its readiness, probed every `probe-interval` through the same
 * connection pool that forwards requests, and a failed connection of a forwarded request as soon as it happens.
 * Readiness and routing read this state instead of probing on every call, so both stay fast during an outage. It is
 * also each upstream's circuit breaker: `breaker-failures` forwarded requests failing in a row (broken off, timed
 * out) cut the upstream off for `breaker-open-for`; after that, its next ready probe lets requests through again.
 */
@ApplicationScoped
public class UpstreamHealth {

    /** One upstream's last known state; {@code detail} is what readiness shows. */
    public record State(boolean up, boolean reachable, String detail) {

        /** What a request refused because the upstream is in this state is told. */
        public String refusal(String upstream) {
            return UpstreamRefusal.serviceName(upstream) + (reachable ? " is not ready" : " is not reachable");
        }
    }

    private static final Logger LOG = Logger.getLogger(UpstreamHealth.class);
    private static final State NOT_YET_PROBED = new State(true, true, "UP (not probed yet)");

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final Vertx vertx;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, Boolean> probing = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresInARow = new ConcurrentHashMap<>();
    /** Until when (epoch ms) an upstream's breaker stays open whatever its readiness says. */
    private final Map<String, Long> openUntil = new ConcurrentHashMap<>();
    private final Promise<Void> firstRound = Promise.promise();
    private long timer = -1;

    public UpstreamHealth(GatewayConfig config, Upstreams upstreams, Vertx vertx) {
        this.config = config;
        this.upstreams = upstreams;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        probeAll().onComplete(done -> firstRound.tryComplete());
        timer = vertx.setPeriodic(config.probeInterval().toMillis(), tick -> probeAll());
    }

    /** Completes once every upstream has been probed once, so readiness never reports a guess. */
    public Future<Void> firstRound() {
        return firstRound.future();
    }

    public State state(String upstream) {
        return states.getOrDefault(upstream, NOT_YET_PROBED);
    }

    /** A forwarded request could not connect: routing stops trying until a probe finds the upstream again. */
    private void markUnreachable(String upstream) {
        State previous = states.put(upstream, new State(false, false, "DOWN (not reachable)"));
        if (previous == null || previous.up()) {
            LOG.warnf("%s is not reachable; requests to it get 503 until it answers its readiness again",
                    UpstreamRefusal.serviceName(upstream));
        }
    }

    /** A forwarded request failed without an answer; one too many in a row opens the breaker. */
    private void exchangeFailed(String upstream) {
        int failures = failuresInARow.computeIfAbsent(upstream, name -> new AtomicInteger()).incrementAndGet();
        if (failures >= config.breakerFailures() && state(upstream).up()) {
            openUntil.put(upstream, System.currentTimeMillis() + config.breakerOpenFor().toMillis());
            states.put(upstream, new State(false, true, "DOWN (" + failures + " failed requests in a row: cut off for "
                    + config.breakerOpenFor().toSeconds() + " s, then until it answers its readiness)"));
            LOG.warnf("%s failed %d requests in a row; requests to it get 503 until it answers its readiness again",
                    UpstreamRefusal.serviceName(upstream), failures);
        }
    }

    /** What a failed exchange says of the upstream: gone until a probe finds it, or one more failure in a row. */
    public void exchangeFailed(String upstream, UpstreamRefusal refusal) {
        if (refusal.unreachable()) {
            markUnreachable(upstream);
        } else if (refusal.connectionFailed() || refusal.status() == 504) {
            exchangeFailed(upstream);
        }
    }

    /** A forwarded request got an answer: the failures in a row start again from none. */
    public void exchangeSucceeded(String upstream) {
        AtomicInteger failures = failuresInARow.get(upstream);
        if (failures != null) {
            failures.set(0);
        }
    }

    /** Seconds a client should wait before trying a down upstream again: until its breaker closes, or the next probe. */
    public long retryAfterSeconds(String upstream) {
        long open = openUntil.getOrDefault(upstream, 0L) - System.currentTimeMillis();
        return Math.max(1, (Math.max(open, 0) + config.probeInterval().toMillis() + 999) / 1000);
    }

    private Future<Void> probeAll() {
        List<Future<Void>> probes = new ArrayList<>();
        config.upstreams().forEach((name, upstream) -> {
            // A probe still waiting from the last round is not doubled.
            if (probing.putIfAbsent(name, Boolean.TRUE) == null) {
                probes.add(probe(name, upstream).onComplete(done -> probing.remove(name)));
            }
        });
        return Future.join(probes).mapEmpty();
    }

    private Future<Void> probe(String name, GatewayConfig.Upstream upstream) {
        return upstreams.send(upstream.url(), HttpMethod.GET, "/q/health/ready", MultiMap.caseInsensitiveMultiMap(),
                        null, config.probeInterval())
                .map(answer -> answer.status() == 200
                        ? new State(true, true, "UP")
                        : new State(false, true, "DOWN (answered its readiness with HTTP " + answer.status() + ")"))
                .recover(failure -> {
                    if (failure instanceof ConnectionPoolTooBusyException) {
                        // The pool is full of requests to it: overloaded, not gone.
                        State last = state(name);
                        return Future.succeededFuture(last.up()
                                ? new State(true, true, "UP (busy: every connection in use, the wait queue full)") : last);
                    }
                    UpstreamRefusal refusal = UpstreamRefusal.of(failure, name);
                    return Future.succeededFuture(new State(false, !refusal.unreachable(), refusal.unreachable()
                            ? "DOWN (not reachable)" : "DOWN (no valid answer to its readiness: " + refusal.slug() + ")"));
                })
                .map(state -> {
                    Long open = openUntil.get(name);
                    if (open != null && System.currentTimeMillis() < open) {
                        return null;  // the breaker is open: a ready probe does not close it before its time
                    }
                    if (open != null && state.up()) {
                        openUntil.remove(name);
                        exchangeSucceeded(name);
                    }
                    State previous = states.put(name, state);
                    if (previous != null && previous.up() != state.up()) {
                        LOG.infof("%s is now %s", UpstreamRefusal.serviceName(name), state.detail());
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
