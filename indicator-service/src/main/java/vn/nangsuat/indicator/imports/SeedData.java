package vn.nangsuat.indicator.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.indicator.domain.UnitsInForce;
import vn.nangsuat.kit.concurrent.Background;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.rules.Period;

/**
 * The published figures shipped with the service (`src/main/resources/seed`, see the README), imported through the
 * ordinary import path (checked, kept as revisions, announced on indicator.events) as soon as this service's replica
 * knows their units, so a newcomer sees real numbers and an admin revises them like any value. An Idempotency-Key per
 * file makes it once per database; a seed whose import FAILED is tried again.
 */
@ApplicationScoped
public class SeedData {

    private static final Logger LOG = Logger.getLogger(SeedData.class);
    /** Who a seed's revisions say recorded them. */
    public static final String SUBMITTER = "seed";
    static final List<String> FILES = List.of("labour-productivity-2022.csv", "national-figures.csv");

    private final Imports imports;
    private final ImportJobRepository jobs;
    private final ProvinceReplica units;
    private final boolean enabled;
    private final ScheduledExecutorService timer = Background.singleThread("seed-data");

    SeedData(Imports imports, ImportJobRepository jobs, ProvinceReplica units,
            @ConfigProperty(name = "imports.seed") boolean enabled) {
        this.imports = imports;
        this.jobs = jobs;
        this.units = units;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent start) {
        if (enabled) {
            timer.scheduleWithFixedDelay(this::seedWhatIsDue, 2, 10, TimeUnit.SECONDS);
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    /** Submits each seed not imported yet whose units the replica knows (a query every 10 s once all are in). */
    void seedWhatIsDue() {
        try {
            for (String file : FILES) {
                String key = "seed:" + file;
                Optional<ImportJob> job = jobs.byKey(SUBMITTER, key);
                if (job.isPresent()) {
                    continue;  // in, or running (if it fails, byKey no longer finds it and it is submitted again)
                }
                if (unitsKnown(file)) {
                    try (InputStream body = resource(file)) {
                        ImportJob submitted = imports.submit(body, new ImportOptions(ImportFormat.CSV, Optional.empty(),
                                false, false), new ProvinceScope.Grant(true, Set.of(), (code, day, keepers) -> false), SUBMITTER, key).job();
                        LOG.infof("seed %s submitted as import %s", file, submitted.id);
                    }
                }
            }
        } catch (RuntimeException | IOException e) {
            LOG.warn("seed data not imported yet; tried again shortly", e);
        }
    }

    /** Whether every row's unit is in force during its period by the replica (before province.units was read: no). */
    private boolean unitsKnown(String file) throws IOException {
        UnitsInForce inForce = new UnitsInForce(units);
        try (InputStream body = resource(file); RowSource rows = RowSource.of(ImportFormat.CSV, body)) {
            while (rows.hasNext()) {
                RawRow row = rows.next();
                try {
                    inForce.require(row.unit(), Period.parse(row.period()).orElseThrow());
                } catch (ProblemException notYet) {
                    return false;
                }
            }
        }
        return true;
    }

    private static InputStream resource(String file) {
        InputStream body = SeedData.class.getResourceAsStream("/seed/" + file);
        if (body == null) {
            throw new UncheckedIOException(new IOException("seed/" + file + " is not packaged"));
        }
        return body;
    }
}
