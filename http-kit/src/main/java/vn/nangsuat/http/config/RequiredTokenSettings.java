package vn.nangsuat.http.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who issues the tokens every application trusts, and the key that verifies them: production has no default for
 * either (dev and test trust devstack's, `%dev,test.JWT_ISSUER`), so a start without one stops before anything else
 * with a line naming the variable ("Failed to load config value of type class java.lang.String for: JWT_ISSUER").
 * Quarkus checks every configuration injection point before the application starts; this bean is such a point.
 */
@Startup
@ApplicationScoped
public class RequiredTokenSettings {

    public RequiredTokenSettings(@ConfigProperty(name = "JWT_ISSUER") String issuer,
            @ConfigProperty(name = "JWT_PUBLIC_KEY_LOCATION") String publicKeyLocation) {
        // Nothing to keep: smallrye-jwt reads both through mp.jwt.verify.*.
    }
}
