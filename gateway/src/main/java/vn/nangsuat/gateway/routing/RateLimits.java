package vn.nangsuat.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import vn.nangsuat.gateway.config.GatewayConfig;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * A token bucket per client on everything under /api: `rate` requests a second on average, bursts up to
 * `burst`. Over the limit a client gets 429 problem+json with Retry-After, and the services never see the
 * request. A client is the subject of a bearer token this gateway has verified, else its address
 * ({@link ClientAddresses}: the TCP peer, or what a trusted proxy says the peer is), so clients behind one load
 * balancer, or behind one NAT with tokens of their own, do not share a bucket. The buckets are a bounded cache:
 * idle ones expire, and eviction runs in the cache's own maintenance, never as a scan on the event loop.
 */
@ApplicationScoped
public class RateLimits {

    private static final Duration IDLE = Duration.ofMinutes(1);

    private final GatewayConfig.RateLimit config;
    private final GatewayProblems problems;
    private final ClientAddresses addresses;
    private final BearerTokens tokens;
    private final Cache<String, Bucket> buckets;

    public RateLimits(GatewayConfig config, GatewayProblems problems, ClientAddresses addresses, BearerTokens tokens) {
        this.config = config.rateLimit();
        this.problems = problems;
        this.addresses = addresses;
        this.tokens = tokens;
        this.buckets = Caffeine.newBuilder().maximumSize(this.config.maxClients()).expireAfterAccess(IDLE).build();
    }

    void install(@Observes Router router) {
        if (config.requestsPerSecond() > 0) {
            router.route("/api/*").order(-90).handler(this::admit);
        }
    }

    private void admit(RoutingContext context) {
        String subject = tokens.verifiedSubject(context.request());
        String client = subject != null ? "subject " + subject : "address " + addresses.of(context.request());
        long now = System.nanoTime();
        Bucket bucket = buckets.get(client, key -> new Bucket(config.burst(), now));
        double waitSeconds = bucket.take(now, config.requestsPerSecond(), config.burst());
        if (waitSeconds <= 0) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", Long.toString((long) Math.ceil(waitSeconds)));
        problems.write(context, ProblemType.TOO_MANY_REQUESTS, new Text(
                "More than " + config.requestsPerSecond() + " requests a second (bursts of " + config.burst()
                        + ") from this client; retry after the time in Retry-After",
                "Máy khách này gửi hơn " + config.requestsPerSecond() + " yêu cầu mỗi giây (đợt tối đa " + config.burst()
                        + "); hãy thử lại sau thời gian trong Retry-After"));
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
    }
}
