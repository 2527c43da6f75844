-- A growth's base indicator, as indicator.events carries it (`base`), so this service combines a growth as
-- indicator-service does (statistics-rules). NULL until announced with it: indicator-service announces its growth
-- definitions again (its V14).
ALTER TABLE indicator_replica ADD COLUMN base_code VARCHAR(40) NULL;
