package vn.nangsuat.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.Problem;
import vn.nangsuat.kit.datasource.DatabaseFailures;

/** Which database failures mean "a concurrent request won" (a 409 the client can act on), not a fault (500). */
class ConcurrentWriteTest {

    @Test
    void aDeadlockOrALockWaitTimeoutIsAConcurrentWrite() {
        assertTrue(DatabaseFailures.concurrentWrite(new IllegalStateException("could not execute statement",
                new SQLException("Deadlock found when trying to get lock", "40001", 1213))));
        assertTrue(DatabaseFailures.concurrentWrite(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        assertTrue(DatabaseFailures.concurrentWrite(new java.sql.SQLIntegrityConstraintViolationException("Duplicate entry")));
    }

    /** A deadlock broken between two conditional writes that both passed If-Match: the loser is told as for a failed check. */
    @Test
    void aConditionalWriteThatLostARaceIsA412NamingIfMatchAndAnUnconditionalOneA409() {
        var deadlock = new IllegalStateException("could not execute statement",
                new SQLException("Deadlock found when trying to get lock", "40001", 1213));
        Response conditional = new ProblemMappers().unexpected(deadlock, uri("/api/v1/observations/01/GRDP/2024"),
                headers(Map.of("If-Match", "\"3\"")));
        assertEquals(412, conditional.getStatus());
        Problem problem = (Problem) conditional.getEntity();
        assertEquals(Problem.TYPE_BASE + "precondition-failed", problem.type());
        assertEquals("If-Match", problem.errors().get(0).field());
        assertEquals("/api/v1/observations/01/GRDP/2024", problem.instance());

        Response unconditional = new ProblemMappers().unexpected(deadlock, uri("/api/v1/plans"), headers(Map.of()));
        assertEquals(409, unconditional.getStatus());
        assertEquals(Problem.TYPE_BASE + "conflict", ((Problem) unconditional.getEntity()).type());
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertFalse(DatabaseFailures.concurrentWrite(new SQLException("You have an error in your SQL syntax", "42000", 1064)));
        assertFalse(DatabaseFailures.concurrentWrite(new IllegalStateException("no database involved")));
    }

    /** The request's path, all a mapper asks of it. */
    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, arguments) -> method.getName().equals("getPath") ? path : null);
    }

    /** The request's headers, as single values. */
    private static HttpHeaders headers(Map<String, String> headers) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, arguments) -> method.getName().equals("getHeaderString") ? headers.get((String) arguments[0])
                        : null);
    }
}
