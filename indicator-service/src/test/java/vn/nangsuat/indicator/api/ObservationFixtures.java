package vn.nangsuat.indicator.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import vn.nangsuat.indicator.events.ObservationEvents;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.provincereplica.testing.ReplicaFixtures;

/**
 * Bắc Kạn (06) and Thái Nguyên (19) as province.units announces them (already in the replica when province-service's
 * tests ran first on the same broker), and no values of theirs left from an earlier run.
 */
final class ObservationFixtures {

    private ObservationFixtures() {
    }

    static void knowBacKanAndThaiNguyen(AgroalDataSource dataSource) throws SQLException {
        ReplicaFixtures.knowBacKanAndThaiNguyen(dataSource);
        forgetValues(dataSource);
    }

    /** The whole country (VN), whose published figures are recorded like any unit's. */
    static void knowTheCountry(AgroalDataSource dataSource) throws SQLException {
        ReplicaFixtures.knowTheCountry(dataSource);
    }

    static void forgetValues(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM observation WHERE unit_code IN ('06', '19')");
        }
        valuesChangedBehindTheServicesBack();
    }

    /** Values were deleted by SQL, as no client can: the read models resting on them are computed again now. */
    static void valuesChangedBehindTheServicesBack() {
        Arc.container().instance(Snapshots.class).get().reloadNow(ObservationEvents.AGGREGATE);
    }
}
