package vn.nangsuat.province.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.AsyncApiRecords;

/** province-service's AsyncAPI document says exactly what its event records publish: no broker, no database. */
class EventRecordsTest {

    @Test
    void everyMessageSentIsDocumentedAsItsRecordIsMade() throws Exception {
        assertEquals(List.of(), AsyncApiRecords.served().mismatches(Map.of(
                "vn.nangsuat.province.created.v1", ProvinceEvents.Created.class,
                "vn.nangsuat.province.changed.v1", ProvinceEvents.Changed.class,
                "vn.nangsuat.province.reorganized.v1", ProvinceEvents.Reorganized.class,
                "vn.nangsuat.province.reorganization-reverted.v1", ProvinceEvents.ReorganizationReverted.class,
                "vn.nangsuat.province.unit-state.v1", ProvinceEvents.UnitState.class)));
    }
}
