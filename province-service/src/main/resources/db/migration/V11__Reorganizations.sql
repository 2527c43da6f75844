-- Each reorganisation as recorded, with the versions it closed and opened (by code and first day, kept after a revert
-- deletes the opened ones), so the last one can be reverted exactly and an admin sees what was done, when and by whom.
CREATE TABLE reorganization (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    change_kind    VARCHAR(16)  NOT NULL,
    effective_date DATE         NOT NULL,
    recorded_at    TIMESTAMP(6) NOT NULL,
    recorded_by    VARCHAR(100) NOT NULL,
    reverted_at    TIMESTAMP(6) NULL,
    reverted_by    VARCHAR(100) NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE reorganization_version (
    reorganization_id BIGINT     NOT NULL,
    role              VARCHAR(8) NOT NULL,
    code              CHAR(2)    NOT NULL,
    valid_from        DATE       NOT NULL,
    PRIMARY KEY (reorganization_id, role, code),
    CONSTRAINT fk_reorganization_version FOREIGN KEY (reorganization_id) REFERENCES reorganization (id),
    CONSTRAINT ck_reorganization_version_role CHECK (role IN ('CLOSED', 'OPENED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
