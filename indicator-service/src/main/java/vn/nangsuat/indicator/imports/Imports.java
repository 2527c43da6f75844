package vn.nangsuat.indicator.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.concurrent.Background;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;

/**
 * Bulk imports as jobs: the queue and its workers. A body is spooled to disk as it arrives ({@link ImportSpool}), its
 * job queued, and a worker runs it ({@link ImportRunner}); a heartbeat tells the other instances the job is alive, and
 * a job whose heartbeat stopped (its service stopped) is reported FAILED, to be submitted again.
 */
@ApplicationScoped
public class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);

    /** A submission: the job, and whether it was an earlier one found by its Idempotency-Key. */
    public record Submission(ImportJob job, boolean replayed) {
    }

    private final ImportJobRepository jobs;
    private final ImportSpool spool;
    private final ImportRunner runner;
    private final int maxQueued;
    private final Duration staleAfter;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeat = Background.singleThread("import-heartbeat");
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    /** How long a stopping service lets the import it is running finish (its HTTP requests get as long). */
    private final Duration finishOnStop;
    /** Set when the service stops: a job still queued is reported FAILED at once instead of begun. */
    private volatile boolean stopping;

    Imports(ImportJobRepository jobs, ImportSpool spool, ImportRunner runner,
            @ConfigProperty(name = "imports.workers") int workers,
            @ConfigProperty(name = "imports.max-queued") int maxQueued,
            @ConfigProperty(name = "imports.stale-after") Duration staleAfter,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s") Duration finishOnStop) {
        this.jobs = jobs;
        this.spool = spool;
        this.runner = runner;
        this.maxQueued = maxQueued;
        this.staleAfter = staleAfter;
        this.finishOnStop = finishOnStop;
        AtomicLong threads = new AtomicLong();
        this.workers = Executors.newFixedThreadPool(workers, task -> new Thread(task, "import-" + threads.incrementAndGet()));
    }

    void start(@Observes StartupEvent start) throws IOException {
        spool.open();
        heartbeat.scheduleWithFixedDelay(this::beat, 1, Math.max(1, staleAfter.toSeconds() / 5), TimeUnit.SECONDS);
        runner.start();
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
        runner.stop();
        heartbeat.shutdownNow();
    }

    /**
     * Spools the body and queues its job, or returns the job an earlier submission with the same Idempotency-Key and
     * the same options and body started. The same key with anything else is a 409.
     */
    public Submission submit(InputStream body, ImportOptions options, ProvinceScope.Grant grant, String submittedBy,
            String idempotencyKey) {
        if (running.size() >= maxQueued) {
            int busy = running.size();
            throw new ProblemException(ProblemType.IMPORTS_BUSY, new Text(busy
                    + " imports are running or queued here: submit again shortly", busy
                    + " lần nhập dữ liệu đang chạy hoặc đang chờ ở đây: hãy gửi lại sau giây lát"), List.of());
        }
        String id = UUID.randomUUID().toString();
        ImportSpool.Spooled spooled = spool.spool(id, body, options);
        if (idempotencyKey != null) {
            Optional<ImportJob> earlier = jobs.byKey(submittedBy, idempotencyKey);
            if (earlier.isPresent()) {
                ImportSpool.delete(spooled.file());
                return new Submission(ImportSpool.sameAs(earlier.get(), spooled.fingerprint(), idempotencyKey), true);
            }
        }
        ImportJob job = new ImportJob();
        job.id = id;
        job.submittedBy = submittedBy;
        job.idempotencyKey = idempotencyKey;
        job.fingerprint = spooled.fingerprint();
        job.format = options.format();
        job.mode = options.mode();
        job.onError = options.skipInvalid() ? "SKIP" : "ABORT";
        job.dryRun = options.dryRun();
        job.scope = options.replace().isPresent() ? spool.scopeJson(options) : null;
        job.state = ImportJob.State.QUEUED;
        job.bytesTotal = spooled.bytes();
        job.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        job.heartbeatAt = job.submittedAt;
        try {
            QuarkusTransaction.requiringNew().run(() -> jobs.persist(job));
        } catch (RuntimeException e) {
            ImportSpool.delete(spooled.file());
            // Two submissions with one key at once: the unique key let one in; the other answers as a replay.
            Optional<ImportJob> winner = idempotencyKey == null ? Optional.empty() : jobs.byKey(submittedBy, idempotencyKey);
            if (winner.isPresent()) {
                return new Submission(ImportSpool.sameAs(winner.get(), spooled.fingerprint(), idempotencyKey), true);
            }
            throw e;
        }
        running.put(id, CompletableFuture.runAsync(() -> {
                    if (stopping) {
                        runner.notBegun(job);
                    } else {
                        runner.run(job, options, grant);
                    }
                }, workers)
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

    /** Reports jobs whose worker stopped beating (its service stopped) as FAILED; their staged rows are cleared apart. */
    void failStale() {
        if (jobs.failStale(Instant.now().minus(staleAfter), running.keySet()) > 0) {
            runner.clearFinishedSoon();
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
}
