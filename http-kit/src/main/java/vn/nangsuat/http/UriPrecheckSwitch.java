package vn.nangsuat.http;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Switches off Quarkus's URI pre-check (system property `vertx.disableURIValidation`), which answers a
 * malformed URI with an empty 400 that no handler of ours can shape into problem+json. The property is read
 * when the HTTP server starts, so it has to be set before that; config sources are loaded first of all, which
 * is why this lives in an empty config source (registered in META-INF/services) rather than in a bean.
 * The router refuses such URIs with 400 all the same, and {@link RouterProblems} writes the body.
 */
public class UriPrecheckSwitch implements ConfigSource {

    static {
        System.setProperty("vertx.disableURIValidation", "true");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "service-kit-uri-precheck-switch";
    }

    @Override
    public int getOrdinal() {
        return 0;
    }
}
