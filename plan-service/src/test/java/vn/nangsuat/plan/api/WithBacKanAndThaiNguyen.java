package vn.nangsuat.plan.api;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import vn.nangsuat.provincereplica.testing.ReplicaFixtures;

/**
 * Tests of plans of Bắc Kạn (06) and Thái Nguyên (19), which merged into the new Thái Nguyên on 1 July 2025: both are
 * in the replica before each test, whether or not province-service's tests ran first on the same broker.
 */
abstract class WithBacKanAndThaiNguyen {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void knowBacKanAndThaiNguyen() throws SQLException {
        ReplicaFixtures.knowBacKanAndThaiNguyen(dataSource);
    }
}
