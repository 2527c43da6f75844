-- One row every write of values passes: a single write shares it, an import's commit takes it alone. Each takes the
-- instant its revisions carry only once through, so of a single write and an import one is wholly before the other:
-- on every key, revision order and time order agree, and an import's revisions carry one instant.
CREATE TABLE write_gate (
    id TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
INSERT INTO write_gate (id) VALUES (1);
