-- Names of one-off announcements already made (the seed's events), so they are made once per database.
CREATE TABLE published_marker (
    name         VARCHAR(60)  NOT NULL,
    published_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
