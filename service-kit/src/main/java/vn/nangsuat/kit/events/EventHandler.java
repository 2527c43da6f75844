package vn.nangsuat.kit.events;

import java.util.List;

/**
 * Applies the events of one topic to this service's data (a replica, say). A service declares one bean per
 * consumer; service-kit runs a Kafka consumer for it and calls {@link #handle} inside a transaction that also
 * records the event in the inbox under {@link #consumer()}, so an event applied once by this consumer is never
 * applied by it again, and two consumers of one topic never mistake each other's events for duplicates.
 * <p>
 * Throw {@link UnusableEvent} for an event that can never be applied (it goes to `<topic>.dlq`); any other
 * failure (the database away, a lock timeout) is taken as passing: the event is retried until it applies.
 */
public interface EventHandler {

    /** How the consumer reads its topic. */
    enum Reading {
        /**
         * In a consumer group of its own (`<application>.<consumer>`), from the offsets it committed; a new group
         * starts at the beginning. For topics of events.
         */
        COMMITTED_OFFSETS,
        /**
         * Every partition from the beginning at each start, without a group: for a compacted topic holding the
         * current state of each aggregate, so a replica whose database is empty or rebuilt converges by itself.
         * The inbox makes what was applied before a no-op.
         */
        WHOLE_TOPIC_ON_START
    }

    /** This consumer's name, unique in the service, e.g. `province-replica`: its inbox rows and group carry it. */
    String consumer();

    /** The topic consumed, e.g. province.units. */
    String topic();

    default Reading reading() {
        return Reading.COMMITTED_OFFSETS;
    }

    void handle(CloudEvent event) throws Exception;

    /**
     * Applies events of one partition, in their order, in one transaction with their inbox rows (each a first
     * delivery). A handler that can apply a run of events for less than one by one (one statement for many series)
     * does so here; when any of them fails, the consumer takes them one at a time through {@link #handle}.
     */
    default void handleAll(List<CloudEvent> events) throws Exception {
        for (CloudEvent event : events) {
            handle(event);
        }
    }

    /**
     * Called after the transaction, once the event is known applied: by this consumer now, or before (a redelivery,
     * another instance of the service). What a handler keeps in memory of its tables may be loaded again here.
     */
    default void applied(CloudEvent event) {
    }
}
