-- Bulk imports. A job is what a client follows (state, counts, errors); its rows are validated while the body streams
-- in, loaded into import_row (LOAD DATA LOCAL INFILE), then merged into observation by set operations in one
-- transaction: a stopped service leaves the job RUNNING with a stale heartbeat (then reported FAILED) and nothing of
-- the import in observation.
CREATE TABLE import_job (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    submitted_by    VARCHAR(100)  NOT NULL,
    idempotency_key VARCHAR(200)  NULL,
    -- SHA-256 of the options and the body: the same key with another body is refused.
    fingerprint     CHAR(64)      NOT NULL,
    format          VARCHAR(4)    NOT NULL,
    mode            VARCHAR(7)    NOT NULL,
    on_error        VARCHAR(5)    NOT NULL,
    dry_run         BOOLEAN       NOT NULL,
    scope           VARCHAR(4000) NULL,
    state           VARCHAR(9)    NOT NULL,
    phase           VARCHAR(10)   NULL,
    -- When REJECTED: 400 (invalid rows or file) or 403 (a unit the submitter may not write).
    problem_status  SMALLINT      NULL,
    failure         VARCHAR(1000) NULL,
    bytes_total     BIGINT        NOT NULL,
    bytes_read      BIGINT        NOT NULL DEFAULT 0,
    rows_read       BIGINT        NOT NULL DEFAULT 0,
    rows_valid      BIGINT        NOT NULL DEFAULT 0,
    rows_committed  BIGINT        NOT NULL DEFAULT 0,
    values_added    BIGINT        NOT NULL DEFAULT 0,
    values_revised  BIGINT        NOT NULL DEFAULT 0,
    values_unchanged BIGINT       NOT NULL DEFAULT 0,
    values_deleted  BIGINT        NOT NULL DEFAULT 0,
    error_count     BIGINT        NOT NULL DEFAULT 0,
    -- The first errors (JSON array of {line, field, value, reason}); error_count says how many there were.
    errors          MEDIUMTEXT    NULL,
    submitted_at    TIMESTAMP(6)  NOT NULL,
    started_at      TIMESTAMP(6)  NULL,
    finished_at     TIMESTAMP(6)  NULL,
    heartbeat_at    TIMESTAMP(6)  NOT NULL,
    -- 1 unless the job FAILED: a key whose job failed (the service stopped) may be submitted again.
    key_live        TINYINT AS (CASE WHEN state <> 'FAILED' AND idempotency_key IS NOT NULL THEN 1 END) STORED,
    UNIQUE KEY uk_import_job_key (submitted_by, idempotency_key, key_live),
    KEY ix_import_job_state (state, heartbeat_at),
    CONSTRAINT ck_import_job_state CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REJECTED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- The valid rows of a job while it runs; emptied when it ends.
CREATE TABLE import_row (
    job_id         CHAR(36)      NOT NULL,
    unit_code      CHAR(2)       NOT NULL,
    indicator_code VARCHAR(40)   NOT NULL,
    period         VARCHAR(7)    NOT NULL,
    line           BIGINT        NOT NULL,
    value          DECIMAL(24,6) NOT NULL,
    status         VARCHAR(12)   NOT NULL,
    source         VARCHAR(200)  NULL,
    note           VARCHAR(1000) NULL,
    PRIMARY KEY (job_id, unit_code, indicator_code, period, line)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- Which import wrote a revision: its events are read back by it, and a reader can tell where a value came from.
ALTER TABLE observation ADD COLUMN import_id CHAR(36) NULL, ADD KEY ix_observation_import (import_id, unit_code, indicator_code, period);
