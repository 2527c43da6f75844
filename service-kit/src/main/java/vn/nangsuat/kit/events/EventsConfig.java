package vn.nangsuat.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How a service publishes its events (outbox and relay) and consumes others' (inbox). */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /** CloudEvents `source` of what this service publishes, e.g. urn:nangsuat:province-service. */
    String source();

    /** The topic this service publishes to, e.g. province.events. */
    String topic();

    /**
     * A compacted topic holding the current state of each aggregate (one record per key), for replicas that are
     * built long after the events: they read it whole. Empty when the service publishes no state.
     */
    Optional<String> stateTopic();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** How often the relay looks for rows left unsent (after a crash or a broker outage). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows sent per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * How long a broker may take to acknowledge a send before the batch is retried later; also the bound on
         * how long one relay batch holds its lease and connection (a little over this), even when the broker's
         * metadata is gone.
         */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long sent rows are kept, then purged. */
        @WithDefault("7d")
        Duration retention();

        @WithDefault("1h")
        Duration purgeInterval();
    }

    interface Consumer {
        /**
         * Prefix of each consumer's group (`<prefix>.<consumer>`); by default the application's name, so each
         * consumer of each service reads every event once.
         */
        @WithDefault("${quarkus.application.name}")
        String groupPrefix();

        /** Wait after the first failed attempt at an event that may yet apply; doubled after each further one. */
        @WithDefault("200ms")
        Duration backoff();

        /** The longest wait between two attempts: a consumer retries for as long as it takes, this often at least. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * Failures of one event, while the database answers, after which it is set aside (FAILING, on the DLQ) and
         * its key held: with the backoff above, ten attempts take about 40 s.
         */
        @WithDefault("10")
        int parkAfterAttempts();

        /**
         * The least time from an event's first failure to setting it aside, whatever the attempts: long enough for
         * what heals by itself (a pool drained by a burst, a restarted dependency), short enough that a third of the
         * country does not wait on a bug for long. An outage never counts.
         */
        @WithDefault("1m")
        Duration parkAfter();
    }
}
