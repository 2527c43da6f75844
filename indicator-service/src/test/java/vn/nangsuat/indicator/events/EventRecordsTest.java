package vn.nangsuat.indicator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.testing.AsyncApiRecords;

/** indicator-service's AsyncAPI document says exactly what its event records publish: no broker, no database. */
class EventRecordsTest {

    @Test
    void everyMessageSentIsDocumentedAsItsRecordIsMade() throws Exception {
        assertEquals(List.of(), AsyncApiRecords.served().mismatches(Map.of(
                "vn.nangsuat.indicator.defined.v1", IndicatorEvents.Defined.class,
                "vn.nangsuat.indicator.changed.v1", IndicatorEvents.Changed.class,
                "vn.nangsuat.observation.changed.v1", ObservationEvents.SeriesChanged.class)));
    }
}
