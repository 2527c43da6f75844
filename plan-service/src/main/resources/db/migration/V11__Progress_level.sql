-- The UNSD SDG Progress Chart's level of a target's progress while its year is ahead (SUBSTANTIAL, MODERATE,
-- MARGINAL, STAGNATION, DETERIORATION); NULL without a ratio or once the year is over. Statuses may now also be
-- ACHIEVED or NOT_ACHIEVED (the column already holds 20 characters).
ALTER TABLE target_progress ADD COLUMN level VARCHAR(16) NULL AFTER ratio;
