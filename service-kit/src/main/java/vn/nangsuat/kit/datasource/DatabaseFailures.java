package vn.nangsuat.kit.datasource;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a failure says about the database, read once for everyone who must tell: a request's answer (503, 409, 500)
 * and an event consumer's choice between waiting an outage out and setting a poison event aside.
 */
public final class DatabaseFailures {

    /** MySQL/MariaDB: the row lock was not had within `innodb_lock_wait_timeout`. */
    public static final int LOCK_WAIT_TIMEOUT = 1205;
    /** MariaDB errors that say "try again": deadlock, server gone or going, connection killed, too many connections. */
    private static final Set<Integer> PASSING_ERRORS = Set.of(LOCK_WAIT_TIMEOUT, 1213, 2006, 2013, 1927, 1053, 1040);
    /** What Agroal says when no connection came free within `quarkus.datasource.jdbc.acquisition-timeout`. */
    private static final String ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    private DatabaseFailures() {
    }

    /**
     * Every pooled connection stayed in use for the whole acquisition timeout: the service is busy, not broken, and
     * the database may be fine (Agroal says so by message only; SmallPoolTest in each service holds it to it).
     */
    public static boolean poolExhausted(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && ACQUISITION_TIMEOUT.equals(sql.getMessage()));
    }

    /** SQL state class 08 is "connection exception"; a pool with no connection to give says so by its own types. */
    public static boolean databaseUnreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                || cause instanceof ConnectException);
    }

    /**
     * The database rolled the transaction back to break a deadlock (SQL state class 40) or after it waited too long
     * for a lock (1205): another transaction was in the way, and the same work may pass when tried again.
     */
    public static boolean lostToAnotherTransaction(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLTransactionRollbackException
                || (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("40"))
                        || sql.getErrorCode() == LOCK_WAIT_TIMEOUT)));
    }

    /** A concurrent request won: a unique key refused the row this one wrote, or it lost to another transaction. */
    public static boolean concurrentWrite(Throwable failure) {
        return anyCause(failure, SQLIntegrityConstraintViolationException.class::isInstance)
                || lostToAnotherTransaction(failure);
    }

    /**
     * The transaction manager could not commit (its resource failed at the commit itself), so whether the database
     * applied the change is not known to the service.
     */
    public static boolean commitInterrupted(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof jakarta.transaction.RollbackException
                || cause instanceof jakarta.transaction.HeuristicMixedException
                || cause instanceof jakarta.transaction.HeuristicRollbackException);
    }

    /**
     * An outage of the database or its pool, or a lost race, rather than anything wrong with the work itself: the same
     * work may pass later (a unique key's refusal is not one: the same rows are refused again).
     */
    public static boolean passing(Throwable failure) {
        // Any acquisition timeout, however the pool words it, is one (poolExhausted knows Agroal's words only).
        return databaseUnreachable(failure) || lostToAnotherTransaction(failure)
                || anyCause(failure, cause -> cause instanceof SQLTransientException
                        || (cause instanceof SQLException sql && (PASSING_ERRORS.contains(sql.getErrorCode())
                                || String.valueOf(sql.getMessage()).contains("acquisition timeout"))));
    }

    /**
     * Whether the failure, or any failure it was caused by or carries as suppressed, passes the test. The transaction
     * manager reports a failed commit as a RollbackException with the resource's failure suppressed, not as its cause.
     */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!next.isEmpty()) {
            Throwable cause = next.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (test.test(cause)) {
                return true;
            }
            if (cause.getCause() != null) {
                next.push(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                next.push(suppressed);
            }
        }
        return false;
    }
}
