package vn.nangsuat.kit.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When a consumer gives up on an event that keeps failing, and why an outage never makes it: plain rules. */
class RepeatedFailuresTest {

    private static final RuntimeException BUG = new IllegalArgumentException("a handler's bug, hit by this event");

    /** A clock the test moves. */
    private static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Ticking clock = new Ticking();
    private final RepeatedFailures failures = new RepeatedFailures(3, Duration.ofSeconds(60), clock);

    @Test
    void anEventThatFailsEnoughTimesOverEnoughTimeWhileTheDatabaseAnswersIsGivenUp() {
        assertFalse(failures.givesUp("t-0@5", BUG, () -> true));
        clock.now = clock.now.plusSeconds(10);
        assertFalse(failures.givesUp("t-0@5", BUG, () -> true));
        clock.now = clock.now.plusSeconds(10);
        assertFalse(failures.givesUp("t-0@5", BUG, () -> true), "three attempts, but only 20 s: not yet");
        clock.now = clock.now.plusSeconds(40);
        assertTrue(failures.givesUp("t-0@5", BUG, () -> true), "four attempts over 60 s");
        assertTrue(failures.history().startsWith("failed 4 times over 60 s"), failures.history());
    }

    @Test
    void manyQuickFailuresAreNotEnoughWithoutTheMinimumTime() {
        for (int attempt = 0; attempt < 50; attempt++) {
            clock.now = clock.now.plusMillis(100);
            assertFalse(failures.givesUp("t-0@5", BUG, () -> true));
        }
    }

    @Test
    void anOutageNeverCountsHoweverLongItLasts() {
        for (int minute = 0; minute < 30; minute++) {
            clock.now = clock.now.plusSeconds(60);
            assertFalse(failures.givesUp("t-0@5", new IllegalStateException(
                    new SQLNonTransientConnectionException("Communications link failure", "08S01")), () -> true));
            assertFalse(failures.givesUp("t-0@5", new SQLException("Lock wait timeout exceeded", "HY000", 1205), () -> true));
            assertFalse(failures.givesUp("t-0@5", new SQLTransactionRollbackException("Deadlock found", "40001", 1213),
                    () -> true));
            assertFalse(failures.givesUp("t-0@5", new SQLException("Sorry, acquisition timeout!"), () -> true));
            assertFalse(failures.givesUp("t-0@5", BUG, () -> false), "any failure while the database does not answer");
        }
    }

    /** The same rows are refused by the same unique key however often the event is tried: that is the event's fault. */
    @Test
    void aUniqueKeysRefusalCountsAsTheEventsFailure() {
        RuntimeException duplicate = new IllegalStateException(new SQLIntegrityConstraintViolationException(
                "Duplicate entry '19-GRDP' for key 'uk_target'", "23000", 1062));
        failures.givesUp("t-0@5", duplicate, () -> true);
        failures.givesUp("t-0@5", duplicate, () -> true);
        clock.now = clock.now.plusSeconds(60);
        assertTrue(failures.givesUp("t-0@5", duplicate, () -> true));
    }

    @Test
    void anotherEventFailingStartsTheCountAgain() {
        failures.givesUp("t-0@5", BUG, () -> true);
        failures.givesUp("t-0@5", BUG, () -> true);
        clock.now = clock.now.plusSeconds(120);
        assertFalse(failures.givesUp("t-1@9", BUG, () -> true), "a first failure of another event");
        assertFalse(failures.givesUp("t-1@9", BUG, () -> true));
        clock.now = clock.now.plusSeconds(60);
        assertTrue(failures.givesUp("t-1@9", new IllegalStateException("still failing"), () -> true),
                "three of its own over 60 s");
    }

    @Test
    void anEventThatAppliesInTheEndClearsItsCount() {
        failures.givesUp("t-0@5", BUG, () -> true);
        failures.givesUp("t-0@5", BUG, () -> true);
        failures.clear();
        clock.now = clock.now.plusSeconds(120);
        assertFalse(failures.givesUp("t-0@5", BUG, () -> true), "counted from one again");
    }
}
