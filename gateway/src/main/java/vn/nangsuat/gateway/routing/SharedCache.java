package vn.nangsuat.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.nangsuat.gateway.config.GatewayConfig;

/**
 * The gateway as a shared HTTP cache (RFC 9111), for the reads a service marks reusable: an answer 200 to a GET whose
 * {@code Cache-Control} has {@code s-maxage} (or {@code public} with {@code max-age}) is kept that many seconds and
 * served from memory meanwhile, bearer token or not; {@code private}, {@code no-store}, {@code no-cache} or a
 * {@code Vary} on anything but {@code Accept} keep an answer out. A write forwarded to a service (any method but GET,
 * HEAD, OPTIONS) drops every answer of that service kept here, so a client reads what it has just written. A client
 * asking {@code Cache-Control: no-cache} goes to the service. Bounded in bytes (`cache-max-bytes`); 0 turns it off.
 */
@ApplicationScoped
public class SharedCache {

    /** A kept answer; {@code storedAt} in ms, for the Age header. */
    public record Kept(Upstreams.Answer answer, long storedAt, long freshForMillis) {
    }

    private static final Pattern S_MAXAGE = Pattern.compile("(?:^|,)\\s*s-maxage\\s*=\\s*(\\d{1,9})");
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*(\\d{1,9})");
    private static final Pattern PUBLIC = Pattern.compile("(?:^|,)\\s*public\\s*(?:,|$)");
    private static final Pattern KEEPS_OUT = Pattern.compile("(?:^|,)\\s*(?:private|no-store|no-cache)\\b");

    private final Cache<String, Kept> kept;
    /** Writes forwarded to each service so far: an answer asked for before the latest write is not kept. */
    private final Map<String, AtomicLong> writes = new ConcurrentHashMap<>();
    private final AtomicLong writesToAny = new AtomicLong();
    /** `gateway_cache_lookups_total{result}`: the hit ratio operators watch. */
    private final Counter hits;
    private final Counter misses;

    public SharedCache(GatewayConfig config, MeterRegistry registry) {
        this.hits = Counter.builder("gateway.cache.lookups").tag("result", "hit")
                .description("Reads looked up in the shared cache, by result").register(registry);
        this.misses = Counter.builder("gateway.cache.lookups").tag("result", "miss")
                .description("Reads looked up in the shared cache, by result").register(registry);
        this.kept = config.cacheMaxBytes() <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(config.cacheMaxBytes())
                .weigher((String key, Kept entry) -> key.length() + entry.answer().body().length() + 512)
                .expireAfter(Expiry.creating((String key, Kept entry) -> java.time.Duration.ofMillis(entry.freshForMillis())))
                .build();
    }

    /** A fresh kept answer for this request, unless the client asks for the service's own. */
    public Optional<Kept> lookup(String upstream, HttpServerRequest request) {
        if (request.method() != HttpMethod.GET || lower(request.getHeader("Cache-Control")).contains("no-cache")) {
            return Optional.empty();
        }
        return lookup(upstream, request.uri(), request.getHeader("Accept"));
    }

    /** A fresh kept answer to a GET of this path and query (the overview asking for its parts). */
    public Optional<Kept> lookup(String upstream, String pathAndQuery, String accept) {
        if (kept == null) {
            return Optional.empty();
        }
        Kept found = kept.getIfPresent(key(upstream, pathAndQuery, accept));
        (found == null ? misses : hits).increment();
        return Optional.ofNullable(found);
    }

    /** The count of writes forwarded to any service: what is composed of several services' answers (an overview). */
    public long writesToAny() {
        return writesToAny.get();
    }

    /** The count of writes forwarded to the service, to hand to {@link #offer} for a read about to be sent. */
    public long writesSoFar(String upstream) {
        return writes.computeIfAbsent(upstream, name -> new AtomicLong()).get();
    }

    /**
     * Keeps a service's answer when its Cache-Control allows a shared cache to, unless a write was forwarded to the
     * service while the read was on its way: the answer may then predate the write.
     */
    public void offer(String upstream, HttpServerRequest request, Upstreams.Answer answer, long writesWhenAsked) {
        if (request.method() == HttpMethod.GET) {
            offer(upstream, request.uri(), request.getHeader("Accept"), request.getHeader("Authorization") != null,
                    answer, writesWhenAsked);
        }
    }

    /** The same for an answer to a GET of this path and query, asked with or without credentials. */
    public void offer(String upstream, String pathAndQuery, String accept, boolean withAuthorization,
            Upstreams.Answer answer, long writesWhenAsked) {
        if (kept == null || answer.status() != 200 || writesSoFar(upstream) != writesWhenAsked) {
            return;
        }
        long seconds = freshFor(answer.headers(), withAuthorization);
        if (seconds > 0) {
            kept.put(key(upstream, pathAndQuery, accept), new Kept(answer, System.currentTimeMillis(), seconds * 1000));
        }
    }

    /** A write may change anything the service answers: none of its kept answers is served again. */
    public void forgetAfter(String upstream, HttpMethod method) {
        if (kept != null && method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            writes.computeIfAbsent(upstream, name -> new AtomicLong()).incrementAndGet();
            writesToAny.incrementAndGet();
            kept.asMap().keySet().removeIf(key -> key.startsWith(upstream + ' '));
        }
    }

    /** Seconds a shared cache may serve the answer (0: not at all), after RFC 9111 sections 3 and 5.2.2. */
    public static long freshFor(MultiMap headers, boolean requestHadAuthorization) {
        String control = lower(String.join(",", headers.getAll("Cache-Control")));
        String vary = lower(headers.get("Vary")).replace(" ", "");
        if (control.isEmpty() || KEEPS_OUT.matcher(control).find() || !(vary.isEmpty() || vary.equals("accept"))) {
            return 0;
        }
        Matcher shared = S_MAXAGE.matcher(control);
        if (shared.find()) {
            return Long.parseLong(shared.group(1));
        }
        // A max-age alone lets a shared cache keep an answer to a request with credentials only when public.
        Matcher any = MAX_AGE.matcher(control);
        boolean allowed = !requestHadAuthorization || PUBLIC.matcher(control).find();
        return any.find() && allowed ? Long.parseLong(any.group(1)) : 0;
    }

    private static String key(String upstream, String pathAndQuery, String accept) {
        return upstream + ' ' + pathAndQuery + ' ' + lower(accept);
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
