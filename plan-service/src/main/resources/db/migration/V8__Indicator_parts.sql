-- A ratio's parts, so a plan of a merged unit can combine its predecessors' values as a ratio of sums.
ALTER TABLE indicator_replica
    ADD COLUMN numerator_code   VARCHAR(40) NULL,
    ADD COLUMN denominator_code VARCHAR(40) NULL;
