-- At most one version of a code is open (in force, no end date): two concurrent creates of one code cannot
-- both pass the application's check and leave two, whatever the timing. `is_open` is 1 or NULL, and NULLs do
-- not collide in a unique key. (MariaDB refuses a CHAR column inside a generated column's expression.)
ALTER TABLE unit_version
    ADD COLUMN is_open TINYINT AS (CASE WHEN valid_to IS NULL THEN 1 END) STORED,
    ADD UNIQUE KEY uk_unit_version_open (code, is_open);
