-- The tasks (nhiệm vụ) a plan carries out: who leads, with whom, when, with what budget, and how far along.
CREATE TABLE plan_task (
    id               BIGINT         NOT NULL AUTO_INCREMENT,
    plan_id          BIGINT         NOT NULL,
    title            VARCHAR(500)   NOT NULL,
    lead_agency      VARCHAR(200)   NOT NULL,
    -- One agency per line.
    partner_agencies VARCHAR(2000)  NOT NULL DEFAULT '',
    start_date       DATE           NOT NULL,
    end_date         DATE           NOT NULL,
    budget           DECIMAL(20, 0) NULL,
    status           VARCHAR(12)    NOT NULL,
    percent_done     SMALLINT       NOT NULL DEFAULT 0,
    updated_at       TIMESTAMP(6)   NOT NULL,
    row_version      INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_task_plan (plan_id),
    KEY ix_task_open (status, end_date),
    CONSTRAINT fk_task_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT ck_task_dates CHECK (start_date <= end_date),
    CONSTRAINT ck_task_percent CHECK (percent_done BETWEEN 0 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
