-- The prices a money value is measured at (CURRENT or CONSTANT), as indicator.events carries it, so a GROWTH target
-- is refused on a current-price level. NULL for what is not money, or until announced with it.
ALTER TABLE indicator_replica ADD COLUMN prices VARCHAR(8) NULL;
