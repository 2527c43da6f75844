-- A province's productivity plan: who carries it out, under which legal basis, approved by which decision.
CREATE TABLE plan (
    id                  BIGINT         NOT NULL AUTO_INCREMENT,
    unit_code           CHAR(2)        NOT NULL,
    -- The unit version in force at the plan's start: a merger later never rewrites whose plan it was.
    unit_valid_from     DATE           NOT NULL,
    title               VARCHAR(300)   NOT NULL,
    start_year          SMALLINT       NOT NULL,
    end_year            SMALLINT       NOT NULL,
    legal_basis         VARCHAR(24)    NOT NULL,
    approval_number     VARCHAR(60)    NULL,
    approval_date       DATE           NULL,
    approving_authority VARCHAR(200)   NULL,
    lead_department     VARCHAR(200)   NULL,
    state_budget        DECIMAL(20, 0) NULL,
    other_budget        DECIMAL(20, 0) NULL,
    state               VARCHAR(12)    NOT NULL,
    created_by          VARCHAR(100)   NOT NULL,
    created_at          TIMESTAMP(6)   NOT NULL,
    updated_at          TIMESTAMP(6)   NOT NULL,
    row_version         INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_plan_unit (unit_code, start_year),
    KEY ix_plan_state (state),
    CONSTRAINT ck_plan_years CHECK (start_year <= end_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- Every state a plan went through: who moved it, when, and why.
CREATE TABLE plan_transition (
    plan_id    BIGINT        NOT NULL,
    seq        INT           NOT NULL,
    from_state VARCHAR(12)   NULL,
    to_state   VARCHAR(12)   NOT NULL,
    actor      VARCHAR(100)  NOT NULL,
    at         TIMESTAMP(6)  NOT NULL,
    comment    VARCHAR(2000) NULL,
    PRIMARY KEY (plan_id, seq),
    CONSTRAINT fk_transition_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- What a plan promises for one indicator: a level, an average growth, or a cumulative count.
CREATE TABLE plan_target (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    plan_id        BIGINT         NOT NULL,
    indicator_code VARCHAR(40)    NOT NULL,
    kind           VARCHAR(12)    NOT NULL,
    better         VARCHAR(8)     NOT NULL,
    baseline_year  SMALLINT       NOT NULL,
    baseline_value DECIMAL(24, 6) NULL,
    target_year    SMALLINT       NOT NULL,
    target_value   DECIMAL(24, 6) NOT NULL,
    created_at     TIMESTAMP(6)   NOT NULL,
    row_version    INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_target (plan_id, indicator_code, kind),
    KEY ix_target_indicator (indicator_code),
    CONSTRAINT fk_target_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT ck_target_years CHECK (baseline_year < target_year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- A target's progress as last computed from the observation replica: recomputed from state at every relevant event.
CREATE TABLE target_progress (
    target_id         BIGINT         NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    latest_period     VARCHAR(7)     NULL,
    latest_value      DECIMAL(24, 6) NULL,
    latest_status     VARCHAR(12)    NULL,
    latest_revision   INT            NULL,
    baseline_value    DECIMAL(24, 6) NULL,
    target_level      DECIMAL(30, 6) NULL,
    achievement       DECIMAL(20, 4) NULL,
    projected         DECIMAL(30, 6) NULL,
    needed_per_year   DECIMAL(30, 6) NULL,
    ratio             DECIMAL(20, 4) NULL,
    method            VARCHAR(12)    NULL,
    reason            VARCHAR(500)   NOT NULL,
    computed_at       TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (target_id),
    CONSTRAINT fk_progress_target FOREIGN KEY (target_id) REFERENCES plan_target (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- The indicator definitions, as indicator.events carries them (the higher revision wins).
CREATE TABLE indicator_replica (
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    unit        VARCHAR(60)  NOT NULL,
    periodicity VARCHAR(8)   NOT NULL,
    better      VARCHAR(8)   NOT NULL,
    aggregation VARCHAR(16)  NOT NULL,
    revision    INT          NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- The latest revision of each value, as indicator.events carries it: a tombstone keeps its revision with no value,
-- so an older revision arriving late never brings a deleted value back.
CREATE TABLE observation_replica (
    unit_code      CHAR(2)        NOT NULL,
    indicator_code VARCHAR(40)    NOT NULL,
    period         VARCHAR(7)     NOT NULL,
    revision       INT            NOT NULL,
    value          DECIMAL(24, 6) NULL,
    status         VARCHAR(12)    NULL,
    PRIMARY KEY (unit_code, indicator_code, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
