package vn.nangsuat.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Where the gateway sends each path prefix, and how patiently. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (province, indicator, plan). */
    Map<String, Upstream> upstreams();

    /** How long an upstream may take to answer before the client gets a 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /**
     * How long a client may send nothing of a request body it has begun (fewer bytes than its Content-Length, or a chunked
     * body not ended) before it gets a 408 and its connection is closed.
     */
    @WithDefault("10s")
    Duration clientBodyTimeout();

    /** How long to wait for a connection to an upstream before the client gets a 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept open to each upstream. */
    @WithDefault("64")
    int poolSize();

    /**
     * Requests that may wait for a pooled connection to one upstream when all are busy; one more gets a 503.
     * Each waiting request holds its buffered body, so this bounds the gateway's memory under overload.
     */
    @WithDefault("128")
    int maxWaitQueue();

    /** Largest request body forwarded, in bytes; larger ones get a 413. */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** Largest answer of an upstream the gateway buffers, in bytes; a larger one gets the client a 502. */
    @WithDefault("16777216")
    long maxResponseBytes();

    /**
     * Forwarded requests of one route (method and path) that may fail in a row (broken off, timed out) before the
     * route is cut off: its requests then get 503 at once for {@link #breakerOpenFor()}; the service's other routes go on.
     */
    @WithDefault("5")
    int breakerFailures();

    /** How long a cut-off route stays cut off; then a request is let through, and one more failure cuts it off again. */
    @WithDefault("5s")
    Duration breakerOpenFor();

    /** How often each upstream's readiness is probed; requests to one found down get a 503 without waiting. */
    @WithDefault("2s")
    Duration probeInterval();

    /**
     * Bytes of answers the gateway keeps as a shared cache, for the reads a service marks reusable (Cache-Control
     * s-maxage); 0 turns the cache off.
     */
    @WithDefault("33554432")
    long cacheMaxBytes();

    /**
     * PEM file of the certificates (a private CA's, or a service's own) that a service reached over https (its URL says
     * https) may present; unset, the JVM's trusted authorities. The host name is always checked against the certificate.
     */
    Optional<String> upstreamCaCerts();

    /** How long the merged OpenAPI document is reused before the services are asked again. */
    @WithDefault("30s")
    Duration openapiCacheTime();

    RateLimit rateLimit();

    Overview overview();

    /** GET /api/v1/provinces/{code}/overview, composed by the gateway from the services' public endpoints. */
    interface Overview {
        /** The yearly indicators whose latest values it shows, in this order. */
        @WithDefault("LABOUR_PRODUCTIVITY_CONSTANT,LABOUR_PRODUCTIVITY_GROWTH,GRDP_CONSTANT,EMPLOYED_WORKERS,TFP_CONTRIBUTION")
        List<String> indicators();

        /** How long each service may take to answer its part; past it, the part is left out with a warning. */
        @WithDefault("5s")
        Duration timeout();
    }

    /** Requests a client may make under /api; 0 requests a second turns the limit off. */
    interface RateLimit {
        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("200")
        int burst();

        /**
         * Addresses or CIDR blocks (10.0.0.0/8, 2001:db8::/32) of the load balancers in front of the gateway.
         * Only from these is `Forwarded` or `X-Forwarded-For` believed; empty, the TCP peer is the client.
         */
        Optional<List<String>> trustedProxies();

        /** Clients whose buckets are kept at once; beyond it the least recently seen are dropped first. */
        @WithDefault("100000")
        int maxClients();
    }

    interface Upstream {
        /**
         * Base URLs of the service's instances, comma-separated (http://10.0.0.5:8081,http://10.0.0.6:8081):
         * requests are spread over those found up, and one that fails is left out until its readiness says it is back.
         */
        List<URI> url();

        /**
         * The management port of each instance, on the host of its URL, in the same order; one port stands for
         * every instance. There the gateway probes readiness (/q/health/ready) and reads the OpenAPI document
         * (/q/openapi); neither is served on a service's HTTP port.
         */
        List<Integer> managementPort();

        /** Each instance with its management interface (same host and scheme, its management port). */
        default List<Instance> instances() {
            List<Integer> ports = managementPort();
            if (ports.size() != 1 && ports.size() != url().size()) {
                throw new IllegalArgumentException(url().size() + " URLs but " + ports.size()
                        + " management ports: give one port for all, or one per URL");
            }
            return IntStream.range(0, url().size()).mapToObj(i -> {
                URI api = url().get(i);
                int port = ports.get(ports.size() == 1 ? 0 : i);
                return new Instance(api, URI.create(api.getScheme() + "://" + api.getHost() + ":" + port));
            }).toList();
        }

        /** Path prefixes it owns, e.g. /api/v1/provinces; a prefix matches itself and everything below it. */
        List<String> paths();

        /**
         * Paths (exact) whose request bodies are streamed to the service as they arrive instead of buffered, for
         * bodies far larger than `max-body-bytes` (bulk imports); the service bounds them itself.
         */
        Optional<List<String>> streamedPaths();
    }

    /** One instance of a service: where its API is, and where its management interface is. */
    record Instance(URI url, URI management) {

        @Override
        public String toString() {
            return url.toString();
        }
    }
}
