package vn.nangsuat.indicator.imports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.nangsuat.http.Text;

/** The jobs' rows. Each change is its own transaction, except the outcome, which joins the import's when it has one. */
@ApplicationScoped
@Transactional
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, String> {

    public Optional<ImportJob> byId(String id) {
        return findByIdOptional(id);
    }

    /** The job an Idempotency-Key names, unless it FAILED (then the key may be used again). */
    public Optional<ImportJob> byKey(String submittedBy, String key) {
        return find("submittedBy = ?1 and idempotencyKey = ?2 and state <> ?3", submittedBy, key, ImportJob.State.FAILED)
                .firstResultOptional();
    }

    void started(String id) {
        Instant now = now();
        update("state = ?1, phase = ?2, startedAt = ?3, heartbeatAt = ?3 where id = ?4", ImportJob.State.RUNNING,
                ImportJob.Phase.READING, now, id);
    }

    /**
     * Enters a phase, recording how long the one before took (reading before staging, staging before committing). The
     * commit's start is recorded before its transaction takes its instant, so it is never later than its revisions.
     */
    void phase(String id, ImportJob.Phase phase, long previousPhaseMs) {
        String took = phase == ImportJob.Phase.STAGING ? "readingMs" : "stagingMs";
        String commit = phase == ImportJob.Phase.COMMITTING ? ", commitStartedAt = ?2" : "";
        update("phase = ?1, heartbeatAt = ?2, " + took + " = ?3" + commit + " where id = ?4", phase, now(), previousPhaseMs, id);
    }

    /** The start of the earliest commit still running (its heartbeat fresh), if any. */
    public Optional<Instant> earliestRunningCommit(Instant aliveSince) {
        return Optional.ofNullable(getEntityManager().createQuery("select min(j.commitStartedAt) from ImportJob j"
                        + " where j.state = ?1 and j.phase = ?2 and j.heartbeatAt >= ?3", Instant.class)
                .setParameter(1, ImportJob.State.RUNNING).setParameter(2, ImportJob.Phase.COMMITTING)
                .setParameter(3, aliveSince).getSingleResult());
    }

    /** Records how long the phase that ended the job took (a dry run's or a rejection's last, or the commit). */
    void took(String id, ImportJob.Phase phase, long ms) {
        String took = switch (phase) {
            case READING -> "readingMs";
            case STAGING -> "stagingMs";
            case COMMITTING -> "committingMs";
        };
        update(took + " = ?1 where id = ?2", ms, id);
    }

    void progress(String id, long bytesRead, long rowsRead, long rowsValid, long errorCount) {
        update("bytesRead = ?1, rowsRead = ?2, rowsValid = ?3, errorCount = ?4, heartbeatAt = ?5 where id = ?6",
                bytesRead, rowsRead, rowsValid, errorCount, now(), id);
    }

    void finished(String id, ImportJob.State state, Integer problemStatus, Text failure, Staging.Changes changes,
            long rowsCommitted, long errorCount, String errors) {
        ImportJob job = findById(id);
        job.state = state;
        job.phase = null;
        job.problemStatus = problemStatus;
        job.failure = failure == null ? null : fitting(failure.english());
        job.failureVietnamese = failure == null ? null : fitting(failure.vietnamese());
        if (changes != null) {
            job.valuesAdded = changes.added();
            job.valuesRevised = changes.revised();
            job.valuesUnchanged = changes.unchanged();
            job.valuesDeleted = changes.deleted();
        }
        job.rowsCommitted = rowsCommitted;
        job.errorCount = errorCount;
        job.errors = errors;
        job.finishedAt = now();
        job.heartbeatAt = job.finishedAt;
    }

    void beat(Collection<String> ids) {
        update("heartbeatAt = ?1 where id in ?2 and state in ?3", now(), ids,
                List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING));
    }

    /** Marks FAILED the unfinished jobs not run here whose heartbeat is older than the instant; how many. */
    int failStale(Instant before, Collection<String> runningHere) {
        Parameters parameters = Parameters.with("failed", ImportJob.State.FAILED)
                .and("failure", "the service stopped during the import (no heartbeat since then): nothing of it was"
                        + " committed; submit it again")
                .and("failureVietnamese", "dịch vụ đã dừng trong lúc nhập (không còn tín hiệu từ đó): chưa có gì được"
                        + " ghi nhận; hãy gửi lại")
                .and("now", now()).and("unfinished", List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING))
                .and("before", before);
        String query = "state = :failed, phase = null, failure = :failure, failureVietnamese = :failureVietnamese,"
                + " finishedAt = :now"
                + " where state in :unfinished and heartbeatAt < :before";
        if (!runningHere.isEmpty()) {
            query += " and id not in :here";
            parameters.and("here", List.copyOf(runningHere));
        }
        return update(query, parameters);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A failure as the column holds it: its first 1000 characters. */
    private static String fitting(String failure) {
        return failure.length() > 1000 ? failure.substring(0, 1000) : failure;
    }
}
