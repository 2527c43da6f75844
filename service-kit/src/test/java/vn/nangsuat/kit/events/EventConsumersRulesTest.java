package vn.nangsuat.kit.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures send an event to the DLQ, and which handlers may run side by side: plain rules, no broker. */
class EventConsumersRulesTest {

    private record Handler(String consumer, String topic) implements EventHandler {
        @Override
        public void handle(CloudEvent event) {
        }
    }

    @Test
    void onlyAFailureThatCanNeverPassSendsAnEventToTheDlq() {
        assertTrue(EventConsumers.canNeverApply(new UnusableEvent("the event lacks data.unit")));
        assertTrue(EventConsumers.canNeverApply(new IllegalStateException(new JsonParseException(null, "bad"))));
        assertTrue(EventConsumers.canNeverApply(new RuntimeException(new SQLException("Data too long", "22001"))));
        assertTrue(EventConsumers.canNeverApply(new RuntimeException(new SQLIntegrityConstraintViolationException("dup", "23000"))));

        assertFalse(EventConsumers.canNeverApply(new RuntimeException(
                new SQLNonTransientConnectionException("Communications link failure", "08S01"))), "database away");
        assertFalse(EventConsumers.canNeverApply(new SQLException("Lock wait timeout exceeded", "HY000", 1205)), "lock timeout");
        assertFalse(EventConsumers.canNeverApply(new SQLTransactionRollbackException("Deadlock found", "40001")), "deadlock");
        assertFalse(EventConsumers.canNeverApply(new IllegalStateException("anything else")), "unknown: retried, not lost");
    }

    @Test
    void twoHandlersOfOneTopicRunSideBySideWhenTheirNamesDiffer() {
        assertDoesNotThrow(() -> EventConsumers.checkHandlers(List.of(
                new Handler("province-replica", "province.units"), new Handler("plan-successors", "province.units"))));
    }

    @Test
    void handlersThatCannotWorkAreRefusedAtStartUp() {
        var same = assertThrows(IllegalStateException.class, () -> EventConsumers.checkHandlers(List.of(
                new Handler("replica", "province.units"), new Handler("replica", "province.events"))));
        assertTrue(same.getMessage().contains("two handlers are named consumer 'replica'"), same.getMessage());
        var nameless = assertThrows(IllegalStateException.class,
                () -> EventConsumers.checkHandlers(List.of(new Handler(" bad name", "province.units"))));
        assertTrue(nameless.getMessage().contains("needs a consumer name"), nameless.getMessage());
        var topicless = assertThrows(IllegalStateException.class,
                () -> EventConsumers.checkHandlers(List.of(new Handler("replica", ""))));
        assertTrue(topicless.getMessage().contains("names no topic"), topicless.getMessage());
    }
}
