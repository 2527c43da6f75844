package vn.nangsuat.plan.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import vn.nangsuat.kit.testing.SmallPoolContract;
import vn.nangsuat.provincereplica.testing.ReplicaFixtures;

/** plan-service's reads of plans, their steps, targets and tasks, the dashboard and the goals, on a pool of two. */
@QuarkusTest
@TestProfile(SmallPoolContract.TwoConnections.class)
class SmallPoolTest extends SmallPoolContract {

    private long plan;

    @BeforeEach
    void aPlanOfBacKan() throws SQLException {
        ReplicaFixtures.knowBacKanAndThaiNguyen(dataSource);
        plan = PlanFixtures.drafted(PlanFixtures.bacKanPlan());
    }

    @Override
    protected List<String> databaseReads() {
        return List.of("/api/v1/plans", "/api/v1/plans/" + plan, "/api/v1/plans/" + plan + "/transitions",
                "/api/v1/plans/" + plan + "/targets", "/api/v1/plans/" + plan + "/tasks", "/api/v1/plans?unit=06&size=500",
                "/api/v1/dashboard", "/api/v1/tasks?concern=OVERDUE", "/api/v1/national-goals");
    }
}
