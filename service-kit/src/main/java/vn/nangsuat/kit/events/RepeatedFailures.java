package vn.nangsuat.kit.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import vn.nangsuat.kit.datasource.DatabaseFailures;

/**
 * Tells a poison event from an outage, for one consumer. An event that fails again and again while the database
 * answers is the event's fault (a bug the handler hits on it): after {@code attempts} such failures and at least
 * {@code minimum} since the first, the consumer sets it aside and its partition moves on. A failure that names an
 * outage (a lost connection, a lock wait, a deadlock, a full pool), or that comes while the database does not
 * answer, is never counted: an outage is waited out for as long as it lasts.
 */
final class RepeatedFailures {

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
        if (DatabaseFailures.passing(failure) || !databaseAnswers.getAsBoolean()) {
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
}
