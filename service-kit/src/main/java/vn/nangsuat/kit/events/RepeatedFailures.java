package vn.nangsuat.kit.events;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Tells a poison event from an outage, for one consumer. An event that fails again and again while the database
 * answers is the event's fault (a bug the handler hits on it): after {@code attempts} such failures and at least
 * {@code minimum} since the first, the consumer sets it aside and its partition moves on. A failure that names an
 * outage (a lost connection, a lock wait, a deadlock, a full pool), or that comes while the database does not
 * answer, is never counted: an outage is waited out for as long as it lasts.
 */
final class RepeatedFailures {

    /** MariaDB errors that say "try again": lock wait timeout, deadlock, server gone or going, too many connections. */
    private static final Set<Integer> PASSING_ERRORS = Set.of(1205, 1213, 2006, 2013, 1927, 1053, 1040);

    private final int attempts;
    private final Duration minimum;
    private final Clock clock;
    private String position;
    private Instant since;
    private int counted;

    RepeatedFailures(int attempts, Duration minimum, Clock clock) {
        this.attempts = attempts;
        this.minimum = minimum;
        this.clock = clock;
    }

    /**
     * Counts a failure of the event at {@code position} (where it was read); true when the consumer should give up on
     * it. A failure of another event starts the count again.
     */
    boolean givesUp(String position, Throwable failure, BooleanSupplier databaseAnswers) {
        if (!position.equals(this.position)) {
            this.position = position;
            since = clock.instant();
            counted = 0;
        }
        if (isOutage(failure) || !databaseAnswers.getAsBoolean()) {
            return false;
        }
        counted++;
        return counted >= attempts && !clock.instant().isBefore(since.plus(minimum));
    }

    /** The event at the position applied or was set aside: nothing is failing now. */
    void clear() {
        position = null;
    }

    /** How the failures so far read in a reason: "failed 10 times over 62 s". */
    String history() {
        return "failed " + counted + " times over " + Duration.between(since, clock.instant()).toSeconds() + " s";
    }

    /** Whether a failure names an outage of the database or its pool rather than something wrong with the event. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || PASSING_ERRORS.contains(sql.getErrorCode())
                        || String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
