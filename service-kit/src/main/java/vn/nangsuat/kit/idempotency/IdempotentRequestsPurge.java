package vn.nangsuat.kit.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.concurrent.Background;

/**
 * Forgets the kept answers of creates once no client retries them any more (`IDEMPOTENCY_KEY_RETENTION`, a day by
 * default, as the IETF draft suggests for a key's lifetime); a key older than that creates anew.
 */
@ApplicationScoped
public class IdempotentRequestsPurge {

    private static final Logger LOG = Logger.getLogger(IdempotentRequestsPurge.class);

    private final AgroalDataSource dataSource;
    private final Duration retention;
    private ScheduledExecutorService purger;

    public IdempotentRequestsPurge(AgroalDataSource dataSource,
            @ConfigProperty(name = "idempotency.key-retention", defaultValue = "24h") Duration retention) {
        this.dataSource = dataSource;
        this.retention = retention;
    }

    void start(@Observes StartupEvent startup) {
        purger = Background.singleThread("idempotency-purge");
        purger.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    void purge() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotent_request WHERE created_at < ? LIMIT 10000")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            delete.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("kept answers of idempotent creates not purged; the next sweep retries: %s", e.getMessage());
        }
    }
}
