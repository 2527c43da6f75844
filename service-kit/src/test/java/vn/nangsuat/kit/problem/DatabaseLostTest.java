package vn.nangsuat.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLNonTransientConnectionException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;
import vn.nangsuat.http.Problem;
import vn.nangsuat.kit.datasource.DatabaseFailures;

/**
 * The database killed as a write commits (the e2e fault suite saw it): the transaction manager reports a
 * RollbackException carrying the connection failure as suppressed, not as its cause. A 503 that says to read again,
 * never a 500.
 */
class DatabaseLostTest {

    @Test
    void aCommitThatLostItsConnectionIsA503SayingToReadAgain() {
        XAException commit = new XAException(XAException.XA_RBROLLBACK);
        commit.initCause(new SQLNonTransientConnectionException("Communications link failure", "08S01"));
        RollbackException failed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        failed.addSuppressed(commit);
        IllegalStateException thrown = new IllegalStateException(failed);

        assertTrue(DatabaseFailures.databaseUnreachable(thrown));
        assertTrue(DatabaseFailures.commitInterrupted(thrown));
        Response answer = new ProblemMappers().unexpected(thrown, uri("/api/v1/observations/82/GRDP/2009-05"), headers());
        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        String detail = ((Problem) answer.getEntity()).detail();
        assertTrue(detail.contains("read the resource again"), detail);
    }

    @Test
    void aConnectionLostBeforeTheCommitSaysNothingChanged() {
        var lost = new IllegalStateException(new SQLNonTransientConnectionException("Communications link failure", "08S01"));
        assertFalse(DatabaseFailures.commitInterrupted(lost));
        String detail = ((Problem) new ProblemMappers().unexpected(lost, uri("/api/v1/plans"), headers()).getEntity()).detail();
        assertTrue(detail.contains("nothing was changed"), detail);
    }

    private static UriInfo uri(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, arguments) -> method.getName().equals("getPath") ? path : null);
    }

    private static HttpHeaders headers() {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, arguments) -> null);
    }
}
