-- What each indicator measures, in which unit, and how values of several provinces may be combined.
CREATE TABLE indicator_definition (
    code             VARCHAR(40)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    name_vi          VARCHAR(200)  NOT NULL,
    unit             VARCHAR(60)   NOT NULL,
    aggregation      VARCHAR(16)   NOT NULL,
    numerator_code   VARCHAR(40)   NULL,
    denominator_code VARCHAR(40)   NULL,
    description      VARCHAR(1000) NOT NULL,
    row_version      INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (code),
    CONSTRAINT ck_indicator_ratio_parts CHECK (
        (aggregation = 'RATIO' AND numerator_code IS NOT NULL AND denominator_code IS NOT NULL)
        OR (aggregation <> 'RATIO' AND numerator_code IS NULL AND denominator_code IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- The indicators of Decision 36/QĐ-TTg's monitoring, as published by the statistics office.
INSERT INTO indicator_definition (code, name, name_vi, unit, aggregation, numerator_code, denominator_code, description) VALUES
('GRDP', 'Gross regional domestic product, current prices', 'Tổng sản phẩm trên địa bàn (giá hiện hành)',
 'billion VND', 'ADDITIVE', NULL, NULL,
 'Annual provincial GRDP at current prices. Additive: the GRDP of several provinces is their sum.'),
('GRDP_CONSTANT', 'Gross regional domestic product, constant 2010 prices', 'Tổng sản phẩm trên địa bàn (giá so sánh 2010)',
 'billion VND', 'ADDITIVE', NULL, NULL,
 'Annual provincial GRDP at constant 2010 prices, the basis of real growth. Additive.'),
('EMPLOYED_WORKERS', 'Employed workers aged 15 and over', 'Lao động có việc làm từ 15 tuổi trở lên',
 'thousand persons', 'ADDITIVE', NULL, NULL,
 'Annual average from the labour force survey. Additive.'),
('LABOUR_PRODUCTIVITY', 'Labour productivity, current prices', 'Năng suất lao động (giá hiện hành)',
 'million VND per worker', 'RATIO', 'GRDP', 'EMPLOYED_WORKERS',
 'GRDP divided by employed workers. Across provinces: sum GRDP, sum workers, then divide; never sum or average the ratios.'),
('LABOUR_PRODUCTIVITY_GROWTH', 'Labour productivity growth, constant prices', 'Tốc độ tăng năng suất lao động (giá so sánh)',
 'percent per year', 'NON_ADDITIVE', NULL, NULL,
 'Year-on-year growth of GRDP at constant prices per employed worker. Recomputed from its components for any group of provinces.'),
('TFP_CONTRIBUTION', 'Contribution of total factor productivity to growth', 'Tỷ lệ đóng góp của TFP vào tăng trưởng',
 'percent of GRDP growth', 'NON_ADDITIVE', NULL, NULL,
 'Share of growth explained by TFP; published irregularly. A ratio: never summed or averaged across provinces.');
