-- The national goals of Decision 36/QĐ-TTg: what the country aims for by 2025 and by 2030.
CREATE TABLE national_goal (
    code        VARCHAR(60)    NOT NULL,
    target_year SMALLINT       NOT NULL,
    comparator  VARCHAR(16)    NOT NULL,
    low         DECIMAL(12, 3) NOT NULL,
    high        DECIMAL(12, 3) NULL,
    unit        VARCHAR(60)    NOT NULL,
    description VARCHAR(1000)  NOT NULL,
    source      VARCHAR(300)   NOT NULL,
    verified    BOOLEAN        NOT NULL DEFAULT FALSE,
    row_version INT            NOT NULL DEFAULT 0,
    PRIMARY KEY (code, target_year),
    CONSTRAINT ck_national_goal_range CHECK (
        (comparator = 'BETWEEN' AND high IS NOT NULL AND high >= low) OR (comparator <> 'BETWEEN' AND high IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- From press summaries of the decision; `verified` stays false until checked against the legal text.
-- Targets marked UNVERIFIED in the domain reference (2025 figures for corporations, SMEs, clubs) are left out.
INSERT INTO national_goal (code, target_year, comparator, low, high, unit, description, source) VALUES
('LABOUR_PRODUCTIVITY_GROWTH', 2025, 'MORE_THAN', 7, NULL, 'percent per year',
 'Average labour-productivity growth. Decision 1305/QĐ-TTg (2023) gives more than 6.5 %/year to 2030.',
 'Decision 36/QĐ-TTg, press summaries'),
('LABOUR_PRODUCTIVITY_GROWTH', 2030, 'MORE_THAN', 7.5, NULL, 'percent per year',
 'Average labour-productivity growth.', 'Decision 36/QĐ-TTg, press summaries'),
('TFP_CONTRIBUTION', 2025, 'ABOUT', 45, NULL, 'percent of growth',
 'Contribution of total factor productivity to growth.', 'Decision 36/QĐ-TTg, press summaries'),
('TFP_CONTRIBUTION', 2030, 'ABOUT', 50, NULL, 'percent of growth',
 'Contribution of total factor productivity to growth.', 'Decision 36/QĐ-TTg, press summaries'),
('PROVINCES_WITH_PLAN', 2025, 'BETWEEN', 12, 15, 'provinces',
 'Provinces and cities that build and carry out a productivity plan.', 'Decision 36/QĐ-TTg, press summaries'),
('PROVINCES_WITH_PLAN', 2030, 'BETWEEN', 30, 35, 'provinces',
 'Provinces and cities that build and carry out a productivity plan.', 'Decision 36/QĐ-TTg, press summaries'),
('CORPORATIONS_WITH_PLAN', 2030, 'BETWEEN', 5, 7, 'economic groups and corporations',
 'Economic groups and corporations carrying out productivity plans.', 'Decision 36/QĐ-TTg, press summaries'),
('SME_PILOT_PROJECTS', 2030, 'AT_LEAST', 500, NULL, 'enterprises',
 'Small and medium enterprises running pilot productivity projects.', 'Decision 36/QĐ-TTg, press summaries'),
('PRODUCTIVITY_CLUBS', 2030, 'AT_LEAST', 20, NULL, 'universities and vocational schools',
 'Universities and vocational schools with productivity clubs.', 'Decision 36/QĐ-TTg, press summaries');
