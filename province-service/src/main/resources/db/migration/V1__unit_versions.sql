-- Provincial units as versions over time, and the lineage between versions.
CREATE TABLE unit_version (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    code           CHAR(2)      NOT NULL,
    name           VARCHAR(100) NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    region         VARCHAR(40)  NULL,
    region_derived BOOLEAN      NOT NULL DEFAULT FALSE,
    valid_from     DATE         NOT NULL,
    valid_to       DATE         NULL,
    row_version    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_unit_version_code_from (code, valid_from),
    KEY ix_unit_version_validity (valid_from, valid_to),
    CONSTRAINT ck_unit_version_interval CHECK (valid_to IS NULL OR valid_to >= valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- MERGE: several versions became one on the effective date; CHANGE: one unit renamed or changed kind.
CREATE TABLE unit_lineage (
    predecessor_id BIGINT      NOT NULL,
    successor_id   BIGINT      NOT NULL,
    effective_date DATE        NOT NULL,
    change_kind    VARCHAR(16) NOT NULL,
    PRIMARY KEY (predecessor_id, successor_id),
    KEY ix_unit_lineage_successor (successor_id),
    CONSTRAINT fk_unit_lineage_predecessor FOREIGN KEY (predecessor_id) REFERENCES unit_version (id),
    CONSTRAINT fk_unit_lineage_successor FOREIGN KEY (successor_id) REFERENCES unit_version (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
