package vn.nangsuat.plan.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.AsyncApiRecords;

/** plan-service's AsyncAPI document says exactly what its event records publish: no broker, no database. */
class EventRecordsTest {

    @Test
    void everyMessageSentIsDocumentedAsItsRecordIsMade() throws Exception {
        assertEquals(List.of(), AsyncApiRecords.served().mismatches(Map.of(
                "vn.nangsuat.plan.created.v1", PlanEvents.Created.class,
                "vn.nangsuat.plan.changed.v1", PlanEvents.Changed.class,
                "vn.nangsuat.plan.transitioned.v1", PlanEvents.Moved.class,
                "vn.nangsuat.plan.target-progress-changed.v1", PlanEvents.TargetProgressChanged.class,
                "vn.nangsuat.plan.task-changed.v1", PlanEvents.TaskChanged.class,
                "vn.nangsuat.national-goal.changed.v1", NationalGoalEvents.Changed.class)));
    }
}
