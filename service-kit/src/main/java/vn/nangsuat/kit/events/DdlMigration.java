package vn.nangsuat.kit.events;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration that runs fixed DDL, for tables a library defines once and each service creates in
 * its own schema and migration history (service-kit's event tables, province-replica's tables).
 * <p>
 * Frozen, as are the statements of each subclass: it runs them in order on Flyway's connection and does nothing
 * else, reads no file and calls no domain code, so a database built years later gets the same tables as one built
 * today. A change of schema is a new migration, never an edit here.
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
