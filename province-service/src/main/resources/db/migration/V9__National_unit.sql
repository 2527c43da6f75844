-- The whole country as a unit (code VN, kind COUNTRY, in force throughout: from the day the Socialist Republic of
-- Viet Nam took its name), so nationally published figures (GSO's labour productivity, its growth, the TFP
-- contribution) are recorded like any value. It has no region and no lineage; lists of provincial units leave it out.
INSERT INTO unit_version (code, name, kind, region, region_derived, valid_from, valid_to, search_key)
VALUES ('VN', 'Việt Nam', 'COUNTRY', NULL, FALSE, '1976-07-02', NULL, 'viet nam');
INSERT INTO unit_alias (code, alias, alias_key) VALUES ('VN', 'Vietnam', 'vietnam'), ('VN', 'cả nước', 'canuoc');
