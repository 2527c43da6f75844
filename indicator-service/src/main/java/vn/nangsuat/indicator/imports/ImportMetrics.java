package vn.nangsuat.indicator.imports;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.nangsuat.kit.concurrent.Background;

/**
 * `imports_jobs{state}`: the import jobs by state, for an operator to see a queue growing or imports failing.
 * Counted every few seconds on a thread of its own (as readiness counts the outbox), so a scrape never waits for
 * the database.
 */
@ApplicationScoped
public class ImportMetrics {

    private static final long COUNT_EVERY_SECONDS = 5;

    private final AgroalDataSource dataSource;
    private volatile Map<ImportJob.State, Long> counts = new EnumMap<>(ImportJob.State.class);
    private ScheduledExecutorService counter;

    public ImportMetrics(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent startup, MeterRegistry registry) {
        for (ImportJob.State state : ImportJob.State.values()) {
            Gauge.builder("imports.jobs", this, metrics -> metrics.counts.getOrDefault(state, 0L))
                    .tag("state", state.name()).description("Import jobs in this state").register(registry);
        }
        counter = Background.singleThread("import-metrics");
        counter.scheduleWithFixedDelay(this::count, 0, COUNT_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (counter != null) {
            counter.shutdownNow();
        }
    }

    private void count() {
        Map<ImportJob.State, Long> counted = new EnumMap<>(ImportJob.State.class);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT state, COUNT(*) FROM import_job GROUP BY state");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counted.put(ImportJob.State.valueOf(rows.getString(1)), rows.getLong(2));
            }
            counts = counted;
        } catch (SQLException | RuntimeException e) {
            // The last counts stand until the database answers again; readiness reports the outage.
        }
    }
}
