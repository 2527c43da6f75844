-- How each indicator combines over time (statistics-rules OverTime): FLOW, what happened in the period, sums over
-- periods; STOCK, what exists at the period's end, is never summed over time (a span is its latest value). Decided
-- from each definition's meaning:
--   GRDP, GRDP_CONSTANT: output produced in the year                                      FLOW
--   ENTERPRISES_USING_TOOLS: enterprises supported in the year under the programme       FLOW
--   SME_PILOT_PROJECTS: SMEs starting a pilot productivity project in the year            FLOW
--   EMPLOYED_WORKERS: the year's average employed population, a level                     STOCK
--   ECONOMIC_GROUPS_WITH_PLANS: groups with an approved plan at the year's end            STOCK
--   SCHOOLS_WITH_PRODUCTIVITY_CLUBS: schools running a club at the year's end             STOCK
--   ratios, growths, reported figures: values of their own period, never summed over time STOCK
-- The changed definitions are announced again (a new revision) so the replicas of the catalogue learn it.
ALTER TABLE indicator_definition ADD COLUMN over_time VARCHAR(8) NOT NULL DEFAULT 'FLOW' AFTER aggregation;
ALTER TABLE indicator_definition ADD CONSTRAINT ck_indicator_over_time CHECK (over_time IN ('FLOW', 'STOCK'));
UPDATE indicator_definition SET over_time = 'STOCK', row_version = row_version + 1, announced = FALSE
    WHERE aggregation <> 'ADDITIVE'
       OR code IN ('EMPLOYED_WORKERS', 'ECONOMIC_GROUPS_WITH_PLANS', 'SCHOOLS_WITH_PRODUCTIVITY_CLUBS');
UPDATE indicator_definition SET description = CONCAT(description, ' A flow: what happened in the period.'),
    row_version = row_version + 1, announced = FALSE
    WHERE code IN ('ENTERPRISES_USING_TOOLS', 'SME_PILOT_PROJECTS');
UPDATE indicator_definition SET description = CONCAT(description, ' A stock: counted at the year''s end, never summed over years.'),
    row_version = row_version + 1, announced = FALSE
    WHERE code IN ('ECONOMIC_GROUPS_WITH_PLANS', 'SCHOOLS_WITH_PRODUCTIVITY_CLUBS');
