package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.http.Text;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.UnitsInForce;
import vn.nangsuat.kit.concurrent.Background;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.provincereplica.ProvinceReplica;

/**
 * Runs one import job on its worker's thread: reads the spooled body row by row, checks each row, streams the valid
 * ones into the database (LOAD DATA reading a pipe as they are checked) and merges them into observation in one
 * transaction that also writes the events ({@link ImportEventBatches}) and the job's outcome. Until that transaction
 * commits nothing of the import is visible. It also owns the clearing of staged rows, on a thread of its own.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** Keys of failed rows written to the database at once in a replace (a file of failing rows holds no memory). */
    private static final int KEPT_PER_BATCH = 1000;

    private final ImportJobRepository jobs;
    private final Staging staging;
    private final IndicatorCatalog indicators;
    private final ProvinceReplica units;
    private final ImportEventBatches events;
    private final ImportSpool spool;
    private final ObjectMapper json;
    private final int maxErrors;
    private final int transactionTimeout;
    /** One per worker: each import's LOAD DATA reads the pipe its worker writes. */
    private final ExecutorService loaders;
    /** Clears staged rows left by stopped imports, apart from the heartbeat so that a big delete never stalls it. */
    private final ScheduledExecutorService cleanup = Background.singleThread("import-cleanup");

    ImportRunner(ImportJobRepository jobs, Staging staging, IndicatorCatalog indicators, ProvinceReplica units,
            ImportEventBatches events, ImportSpool spool, ObjectMapper json,
            @ConfigProperty(name = "imports.max-errors") int maxErrors,
            @ConfigProperty(name = "imports.workers") int workers,
            @ConfigProperty(name = "imports.transaction-timeout") Duration transactionTimeout) {
        this.jobs = jobs;
        this.staging = staging;
        this.indicators = indicators;
        this.units = units;
        this.events = events;
        this.spool = spool;
        this.json = json;
        this.maxErrors = maxErrors;
        this.transactionTimeout = (int) transactionTimeout.toSeconds();
        AtomicLong threads = new AtomicLong();
        this.loaders = Executors.newFixedThreadPool(workers, task -> new Thread(task, "import-load-" + threads.incrementAndGet()));
    }

    /** Starts the sweep that empties the staged rows of finished jobs. */
    void start() {
        cleanup.scheduleWithFixedDelay(this::clearFinished, 1, 10, TimeUnit.MINUTES);
    }

    void stop() {
        loaders.shutdownNow();
        cleanup.shutdownNow();
    }

    /** A job the service stopped before it began: FAILED, to be submitted again. */
    void notBegun(ImportJob job) {
        jobs.finished(job.id, ImportJob.State.FAILED, null, new Text("the service stopped before the import began: nothing"
                + " of it was committed; submit it again", "dịch vụ đã dừng trước khi lần nhập bắt đầu: chưa có gì được"
                + " ghi nhận; hãy gửi lại"), null, 0, 0, json(List.of()));
        ImportSpool.delete(spool.body(job.id));
    }

    /** Runs a job to its end: SUCCEEDED, REJECTED or FAILED, never left RUNNING by this instance. */
    void run(ImportJob job, ImportOptions options, ProvinceScope.Grant grant) {
        String id = job.id;
        Path body = spool.body(id);
        ImportOutcome outcome = new ImportOutcome(maxErrors);
        try {
            jobs.started(id);
            long phaseStart = System.nanoTime();
            KeyFingerprints keys = new KeyFingerprints();
            long valid = readAndStage(id, body, options, grant, keys, outcome);
            if (outcome.refusedWhole()) {
                jobs.took(id, ImportJob.Phase.READING, millisSince(phaseStart));
                reject(id, outcome);
                return;
            }
            jobs.phase(id, ImportJob.Phase.STAGING, millisSince(phaseStart));
            phaseStart = System.nanoTime();
            // Every error counts, a refused file's too: the keys several valid rows give are errors beside the rest.
            boolean duplicates = keys.maybeRepeated() && duplicates(id, outcome);
            long alone = valid - outcome.duplicated;
            if (!options.skipInvalid() && outcome.count() > 0) {
                jobs.took(id, ImportJob.Phase.STAGING, millisSince(phaseStart));
                reject(id, outcome);
                return;
            }
            if (options.dryRun()) {
                Staging.Changes changes = staging.preview(id, options.replace(), duplicates);
                jobs.took(id, ImportJob.Phase.STAGING, millisSince(phaseStart));
                jobs.finished(id, ImportJob.State.SUCCEEDED, null, null, changes, 0, outcome.count(), json(outcome.errors));
                return;
            }
            jobs.phase(id, ImportJob.Phase.COMMITTING, millisSince(phaseStart));
            long commitStart = System.nanoTime();
            QuarkusTransaction.requiringNew().timeout(transactionTimeout).run(() -> {
                try {
                    staging.closeWriteGate();  // before the instant: every single write is wholly before or after it
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    staging.merge(id, options.replace(), duplicates, job.submittedBy, now);
                    Staging.Changes changes = events.publish(id, alone, now, spool.written(id));
                    jobs.finished(id, ImportJob.State.SUCCEEDED, null, null, changes, alone, outcome.count(),
                            json(outcome.errors));
                    jobs.took(id, ImportJob.Phase.COMMITTING, millisSince(commitStart));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException | SQLException | IOException e) {
            LOG.errorf(e, "import %s failed", id);
            try {
                String cause = rootMessage(e);
                jobs.finished(id, ImportJob.State.FAILED, null, new Text("the import stopped: " + cause
                        + "; nothing of it was committed: submit it again", "lần nhập đã dừng: " + cause
                        + "; chưa có gì được ghi nhận: hãy gửi lại"), null, 0, outcome.count(), json(outcome.errors));
            } catch (RuntimeException unrecorded) {
                LOG.errorf(unrecorded, "import %s: its failure could not be recorded (its heartbeat stops)", id);
            }
        } finally {
            ImportSpool.delete(body);
            ImportSpool.delete(spool.written(id));
            // After the outcome is recorded and off the worker: a client waiting for the answer does not wait for it.
            cleanup.execute(() -> {
                try {
                    staging.clear(id);
                } catch (SQLException | RuntimeException e) {
                    LOG.warnf(e, "import %s: staged rows left; cleared at the next sweep", id);
                }
            });
        }
    }

    /** Empties the staged rows of finished jobs soon, on the cleanup thread (never the heartbeat's or a request's). */
    void clearFinishedSoon() {
        cleanup.execute(this::clearFinished);
    }

    private void clearFinished() {
        try {
            staging.clearFinished();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("staged rows of finished imports left; cleared at the next sweep", e);
        }
    }

    /**
     * Reads and checks every row while LOAD DATA, on a loader thread, takes the valid ones through a pipe: the two
     * overlap, the server parsing what the worker has checked. Returns once both are done; how many rows were valid.
     */
    private long readAndStage(String id, Path body, ImportOptions options, ProvinceScope.Grant grant,
            KeyFingerprints keys, ImportOutcome outcome) throws IOException, SQLException {
        Pipe pipe = Pipe.open();
        Future<?> loading = loaders.submit(() -> {
            // Closing the read end when the load ends or fails: a worker still writing then fails instead of blocking.
            try (InputStream rows = Channels.newInputStream(pipe.source())) {
                staging.load(id, rows);
            }
            return null;
        });
        long valid;
        try {
            RowChecks checks = new RowChecks(indicators, new UnitsInForce(units), grant, options.replace());
            try (StagedRows out = new StagedRows(Channels.newOutputStream(pipe.sink()))) {
                valid = read(id, body, options, checks, out, keys, outcome);
            }
        } catch (IOException writeEndClosed) {
            awaitLoad(loading);  // the load's own failure says more than the broken pipe
            throw writeEndClosed;
        }
        awaitLoad(loading);
        return valid;
    }

    private static void awaitLoad(Future<?> loading) throws SQLException {
        try {
            loading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }

    /**
     * Reads every row, stages the valid ones and notes their keys (in a replace, those of the rows that failed their
     * checks too, whose stored values it then leaves as they were); returns how many were valid.
     */
    private long read(String id, Path body, ImportOptions options, RowChecks checks, StagedRows out, KeyFingerprints keys,
            ImportOutcome outcome) throws IOException, SQLException {
        AtomicLong bytesRead = new AtomicLong();
        List<RowChecks.Key> kept = new ArrayList<>();
        long rows = 0;
        long valid = 0;
        long reported = System.nanoTime();
        try (InputStream in = counting(Files.newInputStream(body), bytesRead);
                RowSource source = RowSource.of(options.format(), in)) {
            while (source.hasNext()) {
                RawRow row = source.next();
                RowChecks.Checked checked = checks.check(row);
                rows++;
                if (options.replace().isPresent() && checked.failedKey() != null) {
                    kept.add(checked.failedKey());
                    if (kept.size() == KEPT_PER_BATCH) {
                        staging.keep(id, kept);
                        kept.clear();
                    }
                }
                if (checked.forbiddenUnit() != null) {
                    outcome.forbidden(row.line(), checked.forbiddenUnit());
                }
                if (checked.valid() != null) {
                    out.write(checked.valid());
                    keys.add(checked.valid().unit(), checked.valid().indicator(), checked.valid().period().toString());
                    valid++;
                } else {
                    checked.errors().forEach(outcome::add);
                }
                if (System.nanoTime() - reported > 1_000_000_000L) {
                    jobs.progress(id, bytesRead.get(), rows, valid, outcome.count());
                    reported = System.nanoTime();
                }
            }
        } catch (MalformedFile malformed) {
            outcome.add(malformed.error);
            outcome.malformed = true;
        }
        staging.keep(id, kept);
        jobs.progress(id, bytesRead.get(), rows, valid, outcome.count());
        return valid;
    }

    /** Reports each row of a key that several rows give (none of them is taken); whether there was any. */
    private boolean duplicates(String id, ImportOutcome outcome) throws SQLException {
        long before = outcome.duplicated;
        staging.duplicates(id, duplicate -> {
            for (Long line : duplicate.lines()) {
                outcome.duplicated++;
                if (!outcome.listsMore()) {
                    outcome.add(null);  // counted; beyond the listed ones no message is built
                    continue;
                }
                List<String> others = duplicate.lines().stream().filter(other -> !other.equals(line)).limit(10)
                        .map(String::valueOf).toList();
                int more = duplicate.lines().size() - 1 - others.size();
                outcome.add(RowError.of(line, "row", duplicate.unit() + " " + duplicate.indicator() + " "
                        + duplicate.period(), (others.size() == 1 ? "line " : "lines ") + String.join(", ", others)
                        + (more > 0 ? " and " + more + " more" : "") + " give a value for the same unit, indicator"
                        + " and period: a file holds one value per period, so none of them is taken"));
            }
        });
        return outcome.duplicated > before;
    }

    private void reject(String id, ImportOutcome outcome) {
        jobs.finished(id, ImportJob.State.REJECTED, outcome.rejectionStatus(), outcome.rejectionDetail(), null, 0,
                outcome.rejectionCount(), json(outcome.rejectionErrors()));
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream counting(InputStream in, AtomicLong count) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count.addAndGet(n);
                }
                return n;
            }
        };
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
