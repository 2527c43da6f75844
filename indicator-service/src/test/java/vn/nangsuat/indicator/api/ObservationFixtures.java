package vn.nangsuat.indicator.api;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bắc Kạn (06) and Thái Nguyên (19) as province.units announces them (already in the replica when province-service's
 * tests ran first on the same broker), and no values of theirs left from an earlier run.
 */
final class ObservationFixtures {

    private ObservationFixtures() {
    }

    static void knowBacKanAndThaiNguyen(AgroalDataSource dataSource) throws SQLException {
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
        forgetValues(dataSource);
    }

    static void forgetValues(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM observation WHERE unit_code IN ('06', '19')");
        }
    }
}
