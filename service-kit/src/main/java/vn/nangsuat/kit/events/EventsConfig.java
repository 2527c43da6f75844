package vn.nangsuat.kit.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How a service publishes its events (outbox and relay) and consumes others' (inbox). */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /** CloudEvents `source` of what this service publishes, e.g. urn:nangsuat:province-service. */
    String source();

    /** The topic this service publishes to, e.g. province.events. */
    String topic();

    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** How often the relay looks for rows left unsent (after a crash or a broker outage). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows sent per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long a broker may take to acknowledge a send before the batch is retried later. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long sent rows are kept, then purged. */
        @WithDefault("7d")
        Duration retention();

        @WithDefault("1h")
        Duration purgeInterval();
    }

    interface Consumer {
        /** Consumer group; by default the application's name, so each service reads every event once. */
        @WithDefault("${quarkus.application.name}")
        String group();

        /** Attempts at handling one event before it goes to `<topic>.dlq`. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait after the first failed attempt; doubled after each further one. */
        @WithDefault("200ms")
        Duration backoff();
    }
}
