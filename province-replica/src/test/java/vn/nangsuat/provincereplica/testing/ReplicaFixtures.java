package vn.nangsuat.provincereplica.testing;

import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import vn.nangsuat.provincereplica.ProvinceReplica;

/**
 * Units as province.units announces them, written straight into a service's replica, so a test does not depend on
 * province-service having run first on the same broker (if it has, the rows are already there and stay).
 */
public final class ReplicaFixtures {

    private ReplicaFixtures() {
    }

    /** Bắc Kạn (06) and Thái Nguyên (19), which merged into the new Thái Nguyên (19) on 1 July 2025. */
    public static void knowBacKanAndThaiNguyen(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT IGNORE INTO province_replica_unit (code, valid_from, valid_to, name, kind, region,"
                    + " region_derived, revision, last_event_id, events_applied, updated_at) VALUES"
                    + " ('06', '2004-01-01', '2025-06-30', 'Bắc Kạn', 'PROVINCE', 'NORTHERN_MIDLANDS_MOUNTAINS', 0, 0, 'test', 0, NOW()),"
                    + " ('19', '2004-01-01', '2025-06-30', 'Thái Nguyên', 'PROVINCE', 'NORTHERN_MIDLANDS_MOUNTAINS', 0, 0, 'test', 0, NOW()),"
                    + " ('19', '2025-07-01', NULL, 'Thái Nguyên', 'PROVINCE', 'NORTHERN_MIDLANDS_MOUNTAINS', 0, 0, 'test', 0, NOW())");
            sql.executeUpdate("INSERT IGNORE INTO province_replica_lineage (predecessor_code, predecessor_valid_from,"
                    + " successor_code, successor_valid_from, effective_date, change_kind) VALUES"
                    + " ('06', '2004-01-01', '19', '2025-07-01', '2025-07-01', 'MERGE'),"
                    + " ('19', '2004-01-01', '19', '2025-07-01', '2025-07-01', 'MERGE')");
        }
        reload();
    }

    /** The whole country (VN), a unit of its own for the nationally published figures. */
    public static void knowTheCountry(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT IGNORE INTO province_replica_unit (code, valid_from, valid_to, name, kind, region,"
                    + " region_derived, revision, last_event_id, events_applied, updated_at) VALUES"
                    + " ('VN', '1976-07-02', NULL, 'Việt Nam', 'COUNTRY', NULL, 0, 0, 'test', 0, NOW())");
        }
        reload();
    }

    /** Rows were written straight into the replica's tables: its reads see them once this returns. */
    public static void reload() {
        Arc.container().instance(ProvinceReplica.class).get().reloadNow();
    }
}
