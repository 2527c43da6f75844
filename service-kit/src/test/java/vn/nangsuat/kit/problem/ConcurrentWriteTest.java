package vn.nangsuat.kit.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures mean "a concurrent request won" (a 409 the client can act on), not a fault (500). */
class ConcurrentWriteTest {

    @Test
    void aDeadlockOrALockWaitTimeoutIsAConcurrentWrite() {
        assertTrue(ProblemMappers.concurrentWrite(new IllegalStateException("could not execute statement",
                new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(ProblemMappers.concurrentWrite(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertTrue(ProblemMappers.concurrentWrite(new java.sql.SQLIntegrityConstraintViolationException("Duplicate entry")));
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(ProblemMappers.concurrentWrite(new SQLException("You have an error in your SQL syntax", "42000", 1064)));
        assertFalse(ProblemMappers.concurrentWrite(new IllegalStateException("no database involved")));
    }
}
