-- How long each phase of an import took, so a slow import says where its time went.
ALTER TABLE import_job
    ADD COLUMN reading_ms    BIGINT NULL,
    ADD COLUMN staging_ms    BIGINT NULL,
    ADD COLUMN committing_ms BIGINT NULL;
