-- plan-service now keeps a growth's base (statistics-rules combines a growth from it there too); replicas built
-- before it ignored `base`: announce the growth definitions again, as V13 did for over_time.
UPDATE indicator_definition SET row_version = row_version + 1, announced = FALSE WHERE aggregation = 'GROWTH';
