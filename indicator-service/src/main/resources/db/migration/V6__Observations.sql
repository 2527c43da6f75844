-- Observations: every revision of a value is kept, a deletion is a revision without a value (a tombstone), and each
-- revision says when it was recorded and when the next one superseded it, so any query can be answered as the data
-- stood at an instant (asOf). One revision of a (unit, indicator, period) is current: superseded_at IS NULL.
CREATE TABLE observation (
    unit_code      CHAR(2)       NOT NULL,
    indicator_code VARCHAR(40)   NOT NULL,
    period         VARCHAR(7)    NOT NULL,
    revision       INT           NOT NULL,
    value          DECIMAL(24,6) NULL,
    status         VARCHAR(12)   NULL,
    source         VARCHAR(200)  NULL,
    note           VARCHAR(1000) NULL,
    recorded_by    VARCHAR(100)  NOT NULL,
    recorded_at    TIMESTAMP(6)  NOT NULL,
    superseded_at  TIMESTAMP(6)  NULL,
    -- 1 for the current revision, NULL otherwise: the unique key below allows one current revision per value.
    is_current     TINYINT AS (CASE WHEN superseded_at IS NULL THEN 1 END) STORED,
    PRIMARY KEY (unit_code, indicator_code, period, revision),
    UNIQUE KEY uk_observation_current (unit_code, indicator_code, period, is_current),
    KEY ix_observation_cross_section (indicator_code, period, superseded_at),
    CONSTRAINT fk_observation_indicator FOREIGN KEY (indicator_code) REFERENCES indicator_definition (code),
    CONSTRAINT ck_observation_tombstone CHECK ((value IS NULL) = (status IS NULL)),
    CONSTRAINT ck_observation_status CHECK (status IN ('ESTIMATE', 'PRELIMINARY', 'OFFICIAL'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
