-- The keys of the rows a replace import skipped for failing their checks: the replace leaves their stored values as
-- they were (it deletes only what the file does not mention at all). Cleared with the job's staged rows.
CREATE TABLE import_kept_key (
    job_id         CHAR(36)    NOT NULL,
    unit_code      CHAR(2)     NOT NULL,
    indicator_code VARCHAR(40) NOT NULL,
    period         VARCHAR(7)  NOT NULL,
    PRIMARY KEY (job_id, unit_code, indicator_code, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
