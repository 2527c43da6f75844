package db.migration;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangsuat.province.domain.SeedFiles;
import vn.nangsuat.province.domain.SeedPlan;

/**
 * Seeds the 63 units of 2004, the 34 of 2025 and the lineage between them from the CSV files under seed/.
 * A Flyway migration, so it runs once, under Flyway's lock, in the same transaction as its history row.
 */
public class V2__Seed_units extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        SeedPlan plan = SeedFiles.load();
        Connection connection = context.getConnection();
        Map<Integer, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO unit_version (code, name, kind, region, region_derived, valid_from, valid_to)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (SeedPlan.Version version : plan.versions()) {
                insert.setString(1, version.code());
                insert.setString(2, version.name());
                insert.setString(3, version.kind().name());
                if (version.region() == null) {
                    insert.setNull(4, Types.VARCHAR);
                } else {
                    insert.setString(4, version.region().name());
                }
                insert.setBoolean(5, version.regionDerived());
                insert.setDate(6, Date.valueOf(version.validFrom()));
                insert.setDate(7, version.validTo() == null ? null : Date.valueOf(version.validTo()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.put(version.key(), keys.getLong(1));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO unit_lineage (predecessor_id, successor_id, effective_date, change_kind) VALUES (?, ?, ?, ?)")) {
            for (SeedPlan.Link link : plan.links()) {
                insert.setLong(1, ids.get(link.predecessorKey()));
                insert.setLong(2, ids.get(link.successorKey()));
                insert.setDate(3, Date.valueOf(link.effective()));
                insert.setString(4, link.kind().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
