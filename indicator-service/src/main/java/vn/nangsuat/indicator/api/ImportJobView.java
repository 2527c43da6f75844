package vn.nangsuat.indicator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.imports.ImportFormat;
import vn.nangsuat.indicator.imports.ImportJob;
import vn.nangsuat.indicator.imports.ReplaceScope;
import vn.nangsuat.indicator.imports.RowError;

@Schema(name = "ImportJob", description = "An import: what was asked, how far it is (for a progress bar), what it changed,"
        + " and the rows it refused")
public record ImportJobView(
        @Schema(examples = "0b7c3f4e-55a8-4c1e-9a61-0d6f2a9f3e10") String id,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, REJECTED (nothing changed: see errors) or FAILED (the service"
                + " stopped or the database failed: nothing changed; submit it again)") ImportJob.State state,
        @Schema(nullable = true, description = "While RUNNING: READING (checking rows), STAGING, COMMITTING")
        ImportJob.Phase phase,
        ImportFormat format,
        @Schema(examples = "UPSERT", enumeration = { "UPSERT", "REPLACE" }) String mode,
        @Schema(examples = "ABORT", enumeration = { "ABORT", "SKIP" }) String onError,
        boolean dryRun,
        @Schema(nullable = true, description = "The scope a REPLACE holds whole") ReplaceScope scope,
        @Schema(examples = "editor-19") String submittedBy,
        Instant submittedAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        Progress progress,
        @Schema(description = "What the import changed (a dry run: would change)") Changes changes,
        @Schema(description = "How many rows were refused (the list holds the first ones)") long errorCount,
        List<RowError> errors,
        @Schema(nullable = true, description = "Why a REJECTED or FAILED job changed nothing") String failure,
        @Schema(description = "Milliseconds each phase took, once it ended") Timings timings) {

    @Schema(name = "ImportTimings")
    public record Timings(
            @Schema(nullable = true, description = "Reading and checking the rows, and loading the valid ones as they are checked")
            Long readingMs,
            @Schema(nullable = true, description = "Finding keys given twice (skipped when none can be)") Long stagingMs,
            @Schema(nullable = true, description = "The commit: revisions, events, outcome") Long committingMs) {
    }

    @Schema(name = "ImportProgress")
    public record Progress(
            @Schema(description = "Size of the body") long bytesTotal,
            @Schema(description = "Bytes read so far: bytesRead / bytesTotal is the progress of reading") long bytesRead,
            long rowsRead,
            long rowsValid,
            @Schema(description = "Rows whose values are now committed (0 until the import commits, and in a dry run)")
            long rowsCommitted) {
    }

    @Schema(name = "ImportChanges")
    public record Changes(
            @Schema(description = "Values recorded for a period that had none") long added,
            @Schema(description = "Values that replaced another (kept as a revision)") long revised,
            @Schema(description = "Rows equal to the value recorded: no revision added") long unchanged,
            @Schema(description = "Values of a replace's scope absent from the file: deleted (tombstoned)") long deleted) {
    }

    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() {
    };

    static ImportJobView of(ImportJob job, ObjectMapper json) {
        try {
            return new ImportJobView(job.id, job.state, job.phase, job.format, job.mode, job.onError, job.dryRun,
                    job.scope == null ? null : json.readValue(job.scope, ReplaceScope.class), job.submittedBy,
                    job.submittedAt, job.startedAt, job.finishedAt,
                    new Progress(job.bytesTotal, job.state == ImportJob.State.SUCCEEDED ? job.bytesTotal : job.bytesRead,
                            job.rowsRead, job.rowsValid, job.rowsCommitted),
                    new Changes(job.valuesAdded, job.valuesRevised, job.valuesUnchanged, job.valuesDeleted),
                    job.errorCount, job.errors == null ? List.of() : json.readValue(job.errors, ERRORS), job.failure,
                    new Timings(job.readingMs, job.stagingMs, job.committingMs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
