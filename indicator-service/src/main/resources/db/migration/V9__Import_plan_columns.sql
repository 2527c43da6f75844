-- An import plans each row before it writes: the revision it supersedes (null for a new value) and whether the row
-- says what that revision says (then it writes nothing). Superseding and inserting then join on exact keys, and the
-- events are read back from import_row in key order, so observation needs no index on import_id.
ALTER TABLE import_row
    ADD COLUMN prev_revision INT NULL,
    ADD COLUMN same_value BOOLEAN NULL;
ALTER TABLE observation DROP KEY ix_observation_import;
