package vn.nangsuat.gateway.routing;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * A token bucket per client address on everything under /api: `rate` requests a second on average, bursts
 * up to `burst`. Over the limit a client gets 429 problem+json with Retry-After, and the services never see
 * the request. The client is the connection's address (X-Forwarded-For is the client's to forge); buckets
 * idle for a minute are dropped, so the table stays small.
 */
@ApplicationScoped
public class RateLimits {

    private static final long IDLE_NANOS = 60_000_000_000L;

    private final GatewayConfig.RateLimit config;
    private final GatewayProblems problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    public RateLimits(GatewayConfig config, GatewayProblems problems) {
        this.config = config.rateLimit();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        if (config.requestsPerSecond() > 0) {
            router.route("/api/*").order(-90).handler(this::admit);
        }
    }

    private void admit(RoutingContext context) {
        String client = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        long now = System.nanoTime();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(config.burst(), now));
        double waitSeconds = bucket.take(now, config.requestsPerSecond(), config.burst());
        if (waitSeconds <= 0) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", Long.toString((long) Math.ceil(waitSeconds)));
        problems.write(context, 429, "too-many-requests", "Too Many Requests",
                "More than " + config.requestsPerSecond() + " requests a second (bursts of " + config.burst()
                        + ") from this client; retry after the time in Retry-After");
    }

    private void sweep(long now) {
        if (now - lastSweep > IDLE_NANOS) {
            lastSweep = now;
            buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
        }
    }

    /** Tokens refill continuously; a request takes one. */
    static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        /** Takes a token and returns 0, or returns the seconds until one will be there. */
        synchronized double take(long now, double perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (1 - tokens) / perSecond;
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
