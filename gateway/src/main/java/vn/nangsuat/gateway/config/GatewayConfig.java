package vn.nangsuat.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where the gateway sends each path prefix, and how patiently. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name (province, indicator, plan). */
    Map<String, Upstream> upstreams();

    /** How long an upstream may take to answer before the client gets a 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** How long to wait for a connection to an upstream before the client gets a 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept open to each upstream. */
    @WithDefault("64")
    int poolSize();

    /** Largest request body forwarded, in bytes; larger ones get a 413. */
    @WithDefault("10485760")
    long maxBodyBytes();

    /** How long the merged OpenAPI document is reused before the services are asked again. */
    @WithDefault("30s")
    Duration openapiCacheTime();

    RateLimit rateLimit();

    /** Requests a client may make under /api; 0 requests a second turns the limit off. */
    interface RateLimit {
        @WithDefault("50")
        double requestsPerSecond();

        @WithDefault("200")
        int burst();
    }

    interface Upstream {
        /** Base URL of the service, e.g. http://127.0.0.1:8081. */
        URI url();

        /** Path prefixes it owns, e.g. /api/v1/provinces; a prefix matches itself and everything below it. */
        List<String> paths();
    }
}
