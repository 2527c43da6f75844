package vn.nangsuat.kit.events;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration that runs fixed DDL, for tables a library defines once and each service creates in
 * its own schema and migration history (service-kit's event tables, province-replica's tables).
 */
public abstract class DdlMigration extends BaseJavaMigration {

    protected abstract String[] statements();

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement sql = context.getConnection().createStatement()) {
            for (String statement : statements()) {
                sql.execute(statement);
            }
        }
    }
}
