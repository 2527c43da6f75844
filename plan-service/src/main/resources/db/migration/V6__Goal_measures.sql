-- How each national goal is measured, as data an admin can correct: from the plans (provinces with a plan), from the
-- national ratio of two summed indicators (labour productivity = GRDP at constant prices / employed workers), from the
-- national sum of a count over the years, or not at all here (a national figure reported elsewhere, such as TFP).
ALTER TABLE national_goal
    ADD COLUMN measure          VARCHAR(24) NULL,
    ADD COLUMN baseline_year    SMALLINT    NOT NULL DEFAULT 2020,
    ADD COLUMN numerator_code   VARCHAR(40) NULL,
    ADD COLUMN denominator_code VARCHAR(40) NULL;

UPDATE national_goal SET measure = 'PLANS' WHERE code = 'PROVINCES_WITH_PLAN';
UPDATE national_goal SET measure = 'RATIO_GROWTH', numerator_code = 'GRDP_CONSTANT', denominator_code = 'EMPLOYED_WORKERS'
WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH';
UPDATE national_goal SET measure = 'REPORTED', numerator_code = 'TFP_CONTRIBUTION' WHERE code = 'TFP_CONTRIBUTION';
UPDATE national_goal SET measure = 'CUMULATIVE_COUNT', numerator_code = 'SME_PILOT_PROJECTS', baseline_year = 2021
WHERE code = 'SME_PILOT_PROJECTS';
UPDATE national_goal SET measure = 'CUMULATIVE_COUNT', numerator_code = 'SCHOOLS_WITH_PRODUCTIVITY_CLUBS', baseline_year = 2021
WHERE code = 'PRODUCTIVITY_CLUBS';
UPDATE national_goal SET measure = 'CUMULATIVE_COUNT', numerator_code = 'ECONOMIC_GROUPS_WITH_PLANS', baseline_year = 2021
WHERE code = 'CORPORATIONS_WITH_PLAN';
UPDATE national_goal SET measure = 'REPORTED' WHERE measure IS NULL;
ALTER TABLE national_goal MODIFY measure VARCHAR(24) NOT NULL;

-- National sums read the values of one indicator across all units.
CREATE INDEX ix_observation_replica_indicator ON observation_replica (indicator_code, period);
