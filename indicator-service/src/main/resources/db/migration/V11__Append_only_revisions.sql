-- Revisions are only appended. A revision is superseded by the next one (revisions of a value are numbered 1, 2, 3
-- without gaps), so when it was superseded is the next revision's recorded_at, read through the primary key, not a
-- column kept up to date: a correction (one revision or an import's 100,000) is then one insert per value and never
-- an update of the revision it supersedes, which rewrote the unique key of the current revision and the cross-section
-- index. The primary key still allows one revision per number, so two writers of the same value cannot both win.
ALTER TABLE observation
    DROP KEY uk_observation_current,
    DROP KEY ix_observation_cross_section,
    DROP COLUMN is_current,
    DROP COLUMN superseded_at,
    ADD KEY ix_observation_cross_section (indicator_code, period);

-- An import no longer plans its rows in import_row: one INSERT ... SELECT joins each row to its value's latest
-- revision, and its events are read back from observation by the instant it recorded them.
ALTER TABLE import_row
    DROP COLUMN prev_revision,
    DROP COLUMN same_value;
