package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.UnitsInForce;
import vn.nangsuat.indicator.events.ObservationEvents;
import vn.nangsuat.kit.concurrent.Background;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.rules.ObservationStatus;

/**
 * Bulk imports as jobs. A body is spooled to disk as it arrives (never held in memory), then a worker reads it row by
 * row, checks each row, streams the valid ones into the database (LOAD DATA reading a pipe as they are checked) and
 * merges them into observation in one transaction that also writes the events (one per series touched) and the job's
 * outcome. Until that transaction commits nothing of the import is visible; a service stopped before leaves a job
 * whose heartbeat stops, reported FAILED, and it can be submitted again.
 */
@ApplicationScoped
public class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);
    /** Events written to the outbox per batch: at most 20,000 changes held at once (the heap stays small). */
    private static final int EVENTS_PER_BATCH = 20;

    /** A submission: the job, and whether it was an earlier one found by its Idempotency-Key. */
    public record Submission(ImportJob job, boolean replayed) {
    }

    private final ImportJobRepository jobs;
    private final Staging staging;
    private final IndicatorCatalog indicators;
    private final ProvinceReplica units;
    private final ObservationEvents events;
    private final ObjectMapper json;
    private final Path spool;
    private final long maxBytes;
    private final int maxErrors;
    private final int maxQueued;
    private final Duration staleAfter;
    private final int transactionTimeout;
    private final ExecutorService workers;
    /** One per worker: each import's LOAD DATA reads the pipe its worker writes. */
    private final ExecutorService loaders;
    private final ScheduledExecutorService heartbeat = Background.singleThread("import-heartbeat");
    /** Clears staged rows left by stopped imports, apart from the heartbeat so that a big delete never stalls it. */
    private final ScheduledExecutorService cleanup = Background.singleThread("import-cleanup");
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    /** How long a stopping service lets the import it is running finish (its HTTP requests get as long). */
    private final Duration finishOnStop;
    /** Set when the service stops: a job still queued is reported FAILED at once instead of begun. */
    private volatile boolean stopping;

    Imports(ImportJobRepository jobs, Staging staging, IndicatorCatalog indicators, ProvinceReplica units,
            ObservationEvents events, ObjectMapper json,
            @ConfigProperty(name = "imports.spool-dir") Optional<Path> spool,
            @ConfigProperty(name = "imports.max-bytes") long maxBytes,
            @ConfigProperty(name = "imports.max-errors") int maxErrors,
            @ConfigProperty(name = "imports.workers") int workers,
            @ConfigProperty(name = "imports.max-queued") int maxQueued,
            @ConfigProperty(name = "imports.stale-after") Duration staleAfter,
            @ConfigProperty(name = "imports.transaction-timeout") Duration transactionTimeout,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s") Duration finishOnStop) {
        this.finishOnStop = finishOnStop;
        this.jobs = jobs;
        this.staging = staging;
        this.indicators = indicators;
        this.units = units;
        this.events = events;
        this.json = json;
        this.spool = spool.orElse(Path.of(System.getProperty("java.io.tmpdir"), "nangsuat-imports"));
        this.maxBytes = maxBytes;
        this.maxErrors = maxErrors;
        this.maxQueued = maxQueued;
        this.staleAfter = staleAfter;
        this.transactionTimeout = (int) transactionTimeout.toSeconds();
        AtomicLong threads = new AtomicLong();
        this.workers = Executors.newFixedThreadPool(workers, task -> new Thread(task, "import-" + threads.incrementAndGet()));
        this.loaders = Executors.newFixedThreadPool(workers, task -> new Thread(task, "import-load-" + threads.incrementAndGet()));
    }

    void start(@Observes StartupEvent start) throws IOException, SQLException {
        Files.createDirectories(spool);
        try (var files = Files.list(spool)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);  // left by a service stopped mid-import: their jobs fail below
            }
        }
        heartbeat.scheduleWithFixedDelay(this::beat, 1, Math.max(1, staleAfter.toSeconds() / 5), TimeUnit.SECONDS);
        cleanup.scheduleWithFixedDelay(this::clearFinished, 1, 10, TimeUnit.MINUTES);
    }

    /**
     * A stopping service finishes the import it is running (its heartbeat goes on meanwhile, so no other instance
     * takes it for dead), within the shutdown timeout, and reports each job still queued FAILED at once, to be
     * submitted again: none waits for IMPORT_STALE_AFTER. An import still running past the timeout is interrupted and
     * reported FAILED the same way.
     */
    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(finishOnStop.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("an import still runs after %s: it is stopped and reported FAILED", finishOnStop);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        loaders.shutdownNow();
        heartbeat.shutdownNow();
        cleanup.shutdownNow();
    }

    /**
     * Spools the body and queues its job, or returns the job an earlier submission with the same Idempotency-Key and
     * the same options and body started. The same key with anything else is a 409.
     */
    public Submission submit(InputStream body, ImportOptions options, ProvinceScope.Grant grant, String submittedBy,
            String idempotencyKey) {
        if (running.size() >= maxQueued) {
            throw new ProblemException(503, "imports-busy", "Service Unavailable", running.size()
                    + " imports are running or queued here: submit again shortly", List.of());
        }
        String id = UUID.randomUUID().toString();
        Path file = spool.resolve(id + ".body");
        String fingerprint;
        long bytes;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((options.format() + "|" + options.mode() + "|" + options.skipInvalid() + "|" + options.dryRun()
                    + "|" + scopeJson(options) + "|").getBytes(StandardCharsets.UTF_8));
            bytes = spoolTo(new DigestInputStream(body, digest), file);
            fingerprint = HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (idempotencyKey != null) {
            Optional<ImportJob> earlier = jobs.byKey(submittedBy, idempotencyKey);
            if (earlier.isPresent()) {
                deleteQuietly(file);
                return replay(earlier.get(), fingerprint, idempotencyKey);
            }
        }
        ImportJob job = new ImportJob();
        job.id = id;
        job.submittedBy = submittedBy;
        job.idempotencyKey = idempotencyKey;
        job.fingerprint = fingerprint;
        job.format = options.format();
        job.mode = options.mode();
        job.onError = options.skipInvalid() ? "SKIP" : "ABORT";
        job.dryRun = options.dryRun();
        job.scope = options.replace().isPresent() ? scopeJson(options) : null;
        job.state = ImportJob.State.QUEUED;
        job.bytesTotal = bytes;
        job.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        job.heartbeatAt = job.submittedAt;
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
        } catch (RuntimeException e) {
            deleteQuietly(file);
            // Two submissions with one key at once: the unique key let one in; the other answers as a replay.
            Optional<ImportJob> winner = idempotencyKey == null ? Optional.empty() : jobs.byKey(submittedBy, idempotencyKey);
            if (winner.isPresent()) {
                return replay(winner.get(), fingerprint, idempotencyKey);
            }
            throw e;
        }
        running.put(id, CompletableFuture.runAsync(() -> run(job, file, options, grant), workers)
                .whenComplete((done, failure) -> running.remove(id)));
        return new Submission(job, false);
    }

    /** The job as it stands; a job whose worker stopped beating is reported FAILED first. */
    public Optional<ImportJob> job(String id) {
        try {
            failStale();
        } catch (PessimisticLockException | LockTimeoutException e) {
            // Housekeeping must not fail a read: a running import holds the rows; the heartbeat's next sweep retries.
            LOG.debugf("stale imports not swept on this read: %s", e.toString());
        }
        return jobs.byId(id);
    }

    /** Waits up to the timeout for a job run here to finish, then reads it. */
    public Optional<ImportJob> await(String id, Duration timeout) {
        CompletableFuture<Void> run = running.get(id);
        if (run != null) {
            try {
                run.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Still running: the caller answers 202 with the job's progress.
            } catch (ExecutionException e) {
                LOG.debugf(e, "import %s ended abnormally", id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return job(id);
    }

    private Submission replay(ImportJob earlier, String fingerprint, String key) {
        if (!earlier.fingerprint.equals(fingerprint)) {
            throw new ProblemException(409, "idempotency-key-reused", "Conflict", "Idempotency-Key '"
                    + vn.nangsuat.kit.web.ParamConverters.shorten(key) + "' was used for import " + earlier.id
                    + " with another body or other options: use a new key for a new import",
                    List.of(new vn.nangsuat.http.Problem.FieldError("Idempotency-Key", "was used for another import")));
        }
        return new Submission(earlier, true);
    }

    private long spoolTo(InputStream body, Path file) {
        long written = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) != -1; ) {
                written += n;
                if (written > maxBytes) {
                    throw new ProblemException(413, "payload-too-large", "Content Too Large", "An import body may hold at"
                            + " most " + maxBytes + " bytes (IMPORT_MAX_BYTES): split the file", List.of(
                                    new vn.nangsuat.http.Problem.FieldError("body", "is larger than " + maxBytes + " bytes")));
                }
                out.write(buffer, 0, n);
            }
            return written;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Runs a job to its end: SUCCEEDED, REJECTED or FAILED, never left RUNNING by this instance. */
    private void run(ImportJob job, Path body, ImportOptions options, ProvinceScope.Grant grant) {
        String id = job.id;
        Outcome outcome = new Outcome(maxErrors);
        if (stopping) {
            jobs.finished(id, ImportJob.State.FAILED, null, "the service stopped before the import began: nothing of it"
                    + " was committed; submit it again", null, 0, 0, errorsJson(outcome));
            deleteQuietly(body);
            return;
        }
        try {
            jobs.started(id);
            long phaseStart = System.nanoTime();
            KeyFingerprints keys = new KeyFingerprints();
            long valid = readAndStage(id, body, options, grant, keys, outcome);
            if (outcome.malformed || outcome.forbidden.size() > 0) {
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
                jobs.finished(id, ImportJob.State.SUCCEEDED, null, null, changes, 0, outcome.count(), errorsJson(outcome));
                return;
            }
            jobs.phase(id, ImportJob.Phase.COMMITTING, millisSince(phaseStart));
            long commitStart = System.nanoTime();
            QuarkusTransaction.requiringNew().timeout(transactionTimeout).run(() -> {
                try {
                    staging.closeWriteGate();  // before the instant: every single write is wholly before or after it
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    staging.merge(id, options.replace(), duplicates, job.submittedBy, now);
                    Staging.Changes changes = publish(id, alone, now, spool.resolve(id + ".written"));
                    jobs.finished(id, ImportJob.State.SUCCEEDED, null, null, changes, alone, outcome.count(),
                            errorsJson(outcome));
                    jobs.took(id, ImportJob.Phase.COMMITTING, millisSince(commitStart));
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException | SQLException | IOException e) {
            LOG.errorf(e, "import %s failed", id);
            try {
                jobs.finished(id, ImportJob.State.FAILED, null, "the import stopped: " + rootMessage(e)
                        + "; nothing of it was committed: submit it again", null, 0, outcome.count(), errorsJson(outcome));
            } catch (RuntimeException unrecorded) {
                LOG.errorf(unrecorded, "import %s: its failure could not be recorded (its heartbeat stops)", id);
            }
        } finally {
            deleteQuietly(body);
            deleteQuietly(spool.resolve(id + ".written"));
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

    /**
     * Reads and checks every row while LOAD DATA, on a loader thread, takes the valid ones through a pipe: the two
     * overlap, the server parsing what the worker has checked. Returns once both are done; how many rows were valid.
     */
    private long readAndStage(String id, Path body, ImportOptions options, ProvinceScope.Grant grant,
            KeyFingerprints keys, Outcome outcome) throws IOException, SQLException {
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

    /** Keys of failed rows written to the database at once in a replace (a file of failing rows holds no memory). */
    private static final int KEPT_PER_BATCH = 1000;

    /**
     * Reads every row, stages the valid ones and notes their keys (in a replace, those of the rows that failed their
     * checks too, whose stored values it then leaves as they were); returns how many were valid.
     */
    private long read(String id, Path body, ImportOptions options, RowChecks checks, StagedRows out, KeyFingerprints keys,
            Outcome outcome) throws IOException, SQLException {
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
    private boolean duplicates(String id, Outcome outcome) throws SQLException {
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

    /**
     * The job's events, one per series and at most MAX_CHANGES periods, read back in order through a spill file; what
     * the job changed, counted on the way ({@code alone}: the rows merged, those that repeat no other row's key).
     */
    private Staging.Changes publish(String id, long alone, Instant now, Path spill) throws SQLException, IOException {
        try (BufferedWriter out = Files.newBufferedWriter(spill, StandardCharsets.UTF_8)) {
            staging.written(id, now, row -> {
                try {
                    out.write(row.unit() + "\t" + row.indicator() + "\t" + row.period() + "\t" + row.revision() + "\t"
                            + (row.value() == null ? "" : row.value().toPlainString()) + "\t"
                            + (row.status() == null ? "" : row.status()) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        long added = 0;
        long revised = 0;
        long deleted = 0;
        try (BufferedReader in = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
            List<ObservationEvents.SeriesChanged> batch = new ArrayList<>();
            ObservationEvents.SeriesChanged series = null;
            for (String line; (line = in.readLine()) != null; ) {
                String[] field = line.split("\t", -1);
                if (series == null || !series.unit().equals(field[0]) || !series.indicator().equals(field[1])
                        || series.changes().size() == ObservationEvents.MAX_CHANGES) {
                    if (batch.size() == EVENTS_PER_BATCH) {
                        events.changed(batch);
                        batch.clear();
                    }
                    series = new ObservationEvents.SeriesChanged(field[0], field[1], new ArrayList<>());
                    batch.add(series);
                }
                boolean isDeletion = field[4].isEmpty();
                int revision = Integer.parseInt(field[3]);
                if (isDeletion) {
                    deleted++;
                } else if (revision == 1) {
                    added++;
                } else {
                    revised++;  // a value corrected, or given again after a deletion
                }
                series.changes().add(new ObservationEvents.Change(field[2], isDeletion ? null : new BigDecimal(field[4]),
                        isDeletion ? null : ObservationStatus.valueOf(field[5]), revision, isDeletion));
            }
            events.changed(batch);
        }
        return new Staging.Changes(added, revised, alone - added - revised, deleted);
    }

    private void reject(String id, Outcome outcome) {
        int status = outcome.forbidden.size() > 0 && !outcome.malformed ? 403 : 400;
        String detail;
        String errors;
        if (status == 403) {
            detail = "This token may not write the data of unit " + String.join(", ", outcome.forbidden)
                    + ": the whole import is refused (role admin, or province-editor with the code in its provinces claim)";
            errors = json(outcome.forbiddenLines);
        } else {
            detail = outcome.malformed ? "The file cannot be read to its end: nothing was imported"
                    : outcome.count() + " rows are invalid: nothing was imported (onError=skip commits the valid ones)";
            errors = errorsJson(outcome);
        }
        jobs.finished(id, ImportJob.State.REJECTED, status, detail, null, 0,
                status == 403 ? outcome.forbiddenCount : outcome.count(), errors);
    }

    /** Reports jobs whose worker stopped beating (its service stopped) as FAILED; their staged rows are cleared apart. */
    void failStale() {
        if (jobs.failStale(Instant.now().minus(staleAfter), running.keySet()) > 0) {
            cleanup.execute(this::clearFinished);
        }
    }

    private void beat() {
        try {
            if (!running.isEmpty()) {
                jobs.beat(running.keySet());
            }
            failStale();
        } catch (RuntimeException e) {
            LOG.debug("import heartbeat missed", e);
        }
    }

    /** Empties the staged rows of finished jobs; on its own thread, never the heartbeat's or a request's. */
    private void clearFinished() {
        try {
            staging.clearFinished();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("staged rows of finished imports left; cleared at the next sweep", e);
        }
    }

    private String scopeJson(ImportOptions options) {
        return options.replace().map(this::json).orElse("");
    }

    private String errorsJson(Outcome outcome) {
        return json(outcome.errors);
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

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s", file);
        }
    }

    /** The errors of a job: the first ones kept, all counted; the units it may not write, with their first lines. */
    private static final class Outcome {
        final int cap;
        final List<RowError> errors = new ArrayList<>();
        long errorCount;
        long duplicated;
        boolean malformed;
        final TreeSet<String> forbidden = new TreeSet<>();
        final List<RowError> forbiddenLines = new ArrayList<>();
        long forbiddenCount;

        Outcome(int cap) {
            this.cap = cap;
        }

        /** Counts an error and lists it while fewer than the cap are listed (null: count only). */
        void add(RowError error) {
            errorCount++;
            if (error != null && errors.size() < cap) {
                errors.add(error);
            }
        }

        boolean listsMore() {
            return errors.size() < cap;
        }

        long count() {
            return errorCount;
        }

        void forbidden(long line, String unit) {
            forbiddenCount++;
            forbidden.add(unit);
            if (forbiddenLines.size() < cap) {
                forbiddenLines.add(RowError.of(line, "unit", unit, "this token may not write the data of unit " + unit));
            }
        }
    }
}
