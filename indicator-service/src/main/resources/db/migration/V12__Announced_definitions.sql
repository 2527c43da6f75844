-- The definitions seeded by migrations were never announced on indicator.events, so a replica of the catalogue
-- (plan-service's) would not know them. The service announces each unannounced definition once at start.
ALTER TABLE indicator_definition ADD COLUMN announced BOOLEAN NOT NULL DEFAULT FALSE;
