package vn.nangsuat.province;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.province.events.ProvinceEvents;

/**
 * Codes no real unit uses, for tests that create units. devstack keeps its data across runs, so a test
 * removes what an earlier run left under its codes before it starts.
 */
public final class TestUnits {

    private TestUnits() {
    }

    public static void forget(AgroalDataSource dataSource, List<String> codes) {
        String in = codes.stream().map(code -> "'" + code + "'").collect(Collectors.joining(","));
        String ids = "SELECT id FROM unit_version WHERE code IN (" + in + ")";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM unit_lineage WHERE predecessor_id IN (" + ids + ") OR successor_id IN (" + ids + ")");
            sql.executeUpdate("DELETE FROM unit_version WHERE code IN (" + in + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Deleted behind the service's back: its units in memory must go too.
        Arc.container().instance(Snapshots.class).get().reloadNow(ProvinceEvents.AGGREGATE);
    }
}
