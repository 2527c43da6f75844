-- The change feed reads revisions in the order they were recorded; an import's commit says when it began, so the
-- feed never serves past a commit still running (its revisions carry that earlier instant and would be skipped).
ALTER TABLE observation ADD KEY ix_observation_recorded (recorded_at);
ALTER TABLE import_job ADD COLUMN commit_started_at TIMESTAMP(6) NULL;
