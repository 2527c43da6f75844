package vn.nangsuat.indicator.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An import as a client follows it: what was asked, how far it got, what it changed, and why rows were refused. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum State {
        /** Accepted, waiting for a worker. */
        QUEUED,
        RUNNING,
        /** Committed (or, for a dry run, checked): see the counts. */
        SUCCEEDED,
        /** Refused: nothing changed; `errors` says why (400), or the submitter may not write a unit (403). */
        REJECTED,
        /** Stopped by the service (it stopped, or the database failed): nothing of it was committed. */
        FAILED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** Where a running job is. */
    public enum Phase {
        /** Reading and checking rows, and staging the valid ones. */
        READING,
        /** Loading the staged rows into the database. */
        STAGING,
        /** Writing revisions and events in one transaction. */
        COMMITTING
    }

    @Id
    @Column(length = 36)
    public String id;

    @Column(name = "submitted_by", nullable = false, length = 100)
    public String submittedBy;

    @Column(name = "idempotency_key", length = 200)
    public String idempotencyKey;

    @Column(nullable = false, length = 64)
    public String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    public ImportFormat format;

    @Column(nullable = false, length = 7)
    public String mode;

    @Column(name = "on_error", nullable = false, length = 5)
    public String onError;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    /** The replace scope as JSON; null for an upsert. */
    @Column(length = 4000)
    public String scope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 9)
    public State state;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public Phase phase;

    @Column(name = "problem_status")
    public Integer problemStatus;

    @Column(length = 1000)
    public String failure;

    /** {@link #failure} in Vietnamese. */
    @Column(name = "failure_vi", length = 1000)
    public String failureVietnamese;

    @Column(name = "bytes_total", nullable = false)
    public long bytesTotal;

    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "rows_valid", nullable = false)
    public long rowsValid;

    @Column(name = "rows_committed", nullable = false)
    public long rowsCommitted;

    @Column(name = "values_added", nullable = false)
    public long valuesAdded;

    @Column(name = "values_revised", nullable = false)
    public long valuesRevised;

    @Column(name = "values_unchanged", nullable = false)
    public long valuesUnchanged;

    @Column(name = "values_deleted", nullable = false)
    public long valuesDeleted;

    @Column(name = "error_count", nullable = false)
    public long errorCount;

    /** The first errors, as a JSON array of {@link RowError}. */
    @Column(columnDefinition = "MEDIUMTEXT")
    public String errors;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Milliseconds spent reading and checking the rows; null until that phase ended. */
    @Column(name = "reading_ms")
    public Long readingMs;

    /** Milliseconds spent loading the staged rows (and finding keys given twice). */
    @Column(name = "staging_ms")
    public Long stagingMs;

    /** Milliseconds of the commit transaction: the merge, the events and the outcome. */
    @Column(name = "committing_ms")
    public Long committingMs;

    /** When the commit transaction began: the change feed serves nothing recorded at or after it until it ends. */
    @Column(name = "commit_started_at")
    public Instant commitStartedAt;

    /** Renewed while a worker runs the job: a job whose heartbeat stopped was stopped with its service. */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;
}
