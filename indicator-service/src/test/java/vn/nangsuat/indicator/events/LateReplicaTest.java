package vn.nangsuat.indicator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.nangsuat.indicator.events.ReplicaFixtures.WAIT;
import static vn.nangsuat.indicator.events.ReplicaFixtures.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A replica built long after the events: before this application starts, units are announced on province.units
 * (as province-service did long ago, its outbox since purged), then the replica's tables and inbox are emptied,
 * as in a new or rebuilt database. Started on that, the replica must converge by itself.
 */
@QuarkusTest
@WithTestResource(LateReplicaTest.AnnouncedLongAgoThenEmptied.class)
class LateReplicaTest {

    static final LocalDate FIRST_DAY = LocalDate.of(2600 + ThreadLocalRandom.current().nextInt(0, 3000), 6, 1);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReplicaWhoseDatabaseWasEmptiedConvergesFromTheStateTopic() throws Exception {
        assertEquals("Tỉnh Đã Lâu", await(() -> ReplicaFixtures.name(dataSource, FIRST_DAY), WAIT));
        await(() -> ReplicaFixtures.name(dataSource, FIRST_DAY.plusDays(1)), WAIT);
    }

    /** Runs before the application starts: the announcement long ago, then the empty database. */
    public static class AnnouncedLongAgoThenEmptied implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            ReplicaFixtures.sendState(FIRST_DAY, "Tỉnh Đã Lâu");
            ReplicaFixtures.sendState(FIRST_DAY.plusDays(1), "Tỉnh Đã Lâu Hơn");
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:mysql://127.0.0.1:3307/indicator?sslMode=DISABLED", "indicator", "indicator-dev");
                    Statement sql = connection.createStatement()) {
                // The schema may not exist yet on a new devstack: then it is empty anyway.
                if (sql.executeQuery("SHOW TABLES LIKE 'province_replica_unit'").next()) {
                    sql.executeUpdate("DELETE FROM province_replica_lineage");
                    sql.executeUpdate("DELETE FROM province_replica_unit");
                    sql.executeUpdate("DELETE FROM inbox_event WHERE topic = 'province.units'");
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot empty the replica", e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
