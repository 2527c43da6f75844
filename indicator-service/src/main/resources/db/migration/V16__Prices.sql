-- The prices a money value is measured at (CURRENT or CONSTANT; NULL for what is not money), so that a growth is set
-- on a constant-price level only: at current prices a growth mixes in the change of prices. Announced again.
ALTER TABLE indicator_definition ADD COLUMN prices VARCHAR(8) NULL AFTER over_time;
ALTER TABLE indicator_definition ADD CONSTRAINT ck_indicator_prices CHECK (prices IS NULL OR prices IN ('CURRENT', 'CONSTANT'));
UPDATE indicator_definition SET prices = 'CURRENT', row_version = row_version + 1, announced = FALSE
    WHERE code IN ('GRDP', 'LABOUR_PRODUCTIVITY');
UPDATE indicator_definition SET prices = 'CONSTANT', row_version = row_version + 1, announced = FALSE
    WHERE code IN ('GRDP_CONSTANT', 'LABOUR_PRODUCTIVITY_CONSTANT');
