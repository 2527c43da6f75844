-- How an indicator's values combine over time (FLOW or STOCK), as indicator.events carries it; NULL until a definition
-- is announced with it (indicator-service announces every changed definition again at its start).
ALTER TABLE indicator_replica ADD COLUMN over_time VARCHAR(8) NULL;
