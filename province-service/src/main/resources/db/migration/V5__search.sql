-- Search that ignores case and marks: the normalised name of each version (filled by V6), and the other
-- names and abbreviations a unit is known by (per code; loaded by V6 from seed/unit-aliases.csv).
ALTER TABLE unit_version ADD COLUMN search_key VARCHAR(120) NOT NULL DEFAULT '';

CREATE TABLE unit_alias (
    code      CHAR(2)      NOT NULL,
    alias     VARCHAR(100) NOT NULL,
    alias_key VARCHAR(100) NOT NULL,
    PRIMARY KEY (code, alias_key),
    KEY ix_unit_alias_key (alias_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
