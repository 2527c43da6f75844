package vn.nangsuat.kit.datasource;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database password: production has no default (dev and test give devstack's, `%dev,test.DB_PASSWORD`), so a
 * start without it stops before anything else with a line naming the variable ("Failed to load config value of type
 * class java.lang.String for: DB_PASSWORD"). The datasource's own password is optional: left out, it surfaced only
 * as a refused login. Quarkus checks every configuration injection point before the application starts; this bean
 * is such a point.
 */
@Startup
@ApplicationScoped
public class RequiredDatabaseSettings {

    public RequiredDatabaseSettings(@ConfigProperty(name = "DB_PASSWORD") String password) {
        // Nothing to keep: Agroal reads it through quarkus.datasource.password.
    }
}
