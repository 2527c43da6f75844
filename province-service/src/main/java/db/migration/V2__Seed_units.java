package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangsuat.kit.migration.FrozenRows;

/**
 * Seeds the 63 units of 2004, the 34 of 2025 and the lineage between them: the rows that `SeedPlan` made of the
 * files under seed/ when this migration was written, frozen beside it (`V2__Seed_units.unit_version.csv`,
 * `V2__Seed_units.unit_lineage.csv`, never edited), so a database built later holds the same rows whatever the
 * seed files and the domain code become. A correction is a new migration.
 * <p>
 * Still a Java migration, as it always was: databases that ran it keep a valid history (type JDBC, no checksum),
 * where an SQL file of the same version would fail Flyway's validation.
 */
public class V2__Seed_units extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        FrozenRows.insert(context.getConnection(), getClass(), "unit_version");
        FrozenRows.insert(context.getConnection(), getClass(), "unit_lineage");
    }
}
