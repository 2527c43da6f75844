-- The full catalogue of Decision 36/QĐ-TTg: each definition also says how often it is published, with how many
-- decimals, which direction is better, and how it combines: ADDITIVE, RATIO of two additive indicators, GROWTH of
-- another indicator (year on year, recomputed from it), or REPORTED only (never summed, averaged or derived).
ALTER TABLE indicator_definition DROP CONSTRAINT ck_indicator_ratio_parts;

ALTER TABLE indicator_definition
    ADD COLUMN periodicity VARCHAR(8)  NOT NULL DEFAULT 'YEAR' AFTER unit,
    ADD COLUMN decimals    INT         NOT NULL DEFAULT 1 AFTER periodicity,
    ADD COLUMN better      VARCHAR(8)  NOT NULL DEFAULT 'HIGHER' AFTER decimals,
    ADD COLUMN base_code   VARCHAR(40) NULL AFTER denominator_code;

INSERT INTO indicator_definition (code, name, name_vi, unit, aggregation, numerator_code, denominator_code, description) VALUES
('LABOUR_PRODUCTIVITY_CONSTANT', 'Labour productivity, constant 2010 prices', 'Năng suất lao động (giá so sánh 2010)',
 'million VND per worker', 'RATIO', 'GRDP_CONSTANT', 'EMPLOYED_WORKERS',
 'GRDP at constant 2010 prices divided by employed workers: the basis of real productivity growth. Across provinces: sum both parts, then divide.');

UPDATE indicator_definition SET row_version = row_version + 1, aggregation = 'GROWTH', base_code = 'LABOUR_PRODUCTIVITY_CONSTANT', decimals = 2,
    description = 'Year-on-year change of labour productivity at constant 2010 prices. Derived from its base for any unit or group of units; never summed or averaged.'
    WHERE code = 'LABOUR_PRODUCTIVITY_GROWTH';
UPDATE indicator_definition SET row_version = row_version + 1, aggregation = 'REPORTED', decimals = 2,
    description = 'Share of GRDP growth explained by total factor productivity, as reported; published irregularly. Never summed, averaged or derived.'
    WHERE code = 'TFP_CONTRIBUTION';
UPDATE indicator_definition SET row_version = row_version + 1, better = 'NEUTRAL' WHERE code = 'EMPLOYED_WORKERS';

INSERT INTO indicator_definition (code, name, name_vi, unit, decimals, aggregation, description) VALUES
('ENTERPRISES_USING_TOOLS', 'Enterprises supported to apply management systems and productivity improvement tools',
 'Doanh nghiệp được hỗ trợ áp dụng hệ thống quản lý, công cụ cải tiến năng suất', 'enterprises', 0, 'ADDITIVE',
 'Enterprises supported in the year under the programme. Additive across provinces.'),
('SME_PILOT_PROJECTS', 'Small and medium enterprises running pilot productivity projects',
 'Doanh nghiệp nhỏ và vừa thực hiện dự án điểm về nâng cao năng suất', 'enterprises', 0, 'ADDITIVE',
 'SMEs running a pilot productivity improvement project in the year. Additive across provinces.'),
('ECONOMIC_GROUPS_WITH_PLANS', 'Economic groups and corporations with productivity plans',
 'Tập đoàn, tổng công ty có kế hoạch nâng cao năng suất', 'groups', 0, 'ADDITIVE',
 'Economic groups and state corporations with an approved productivity plan. Additive across provinces.'),
('SCHOOLS_WITH_PRODUCTIVITY_CLUBS', 'Universities and vocational schools with productivity clubs',
 'Trường đại học, cơ sở giáo dục nghề nghiệp có câu lạc bộ năng suất', 'schools', 0, 'ADDITIVE',
 'Universities and vocational schools running a productivity club. Additive across provinces.');

ALTER TABLE indicator_definition
    ADD CONSTRAINT ck_indicator_combination CHECK (
        (aggregation = 'RATIO' AND numerator_code IS NOT NULL AND denominator_code IS NOT NULL AND base_code IS NULL)
        OR (aggregation = 'GROWTH' AND base_code IS NOT NULL AND numerator_code IS NULL AND denominator_code IS NULL)
        OR (aggregation IN ('ADDITIVE', 'REPORTED') AND numerator_code IS NULL AND denominator_code IS NULL AND base_code IS NULL)),
    ADD CONSTRAINT ck_indicator_periodicity CHECK (periodicity IN ('YEAR', 'QUARTER', 'MONTH')),
    ADD CONSTRAINT ck_indicator_better CHECK (better IN ('HIGHER', 'LOWER', 'NEUTRAL')),
    ADD CONSTRAINT ck_indicator_decimals CHECK (decimals BETWEEN 0 AND 6);
