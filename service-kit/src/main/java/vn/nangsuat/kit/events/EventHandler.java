package vn.nangsuat.kit.events;

/**
 * Applies the events of one topic to this service's data (a replica, say). A service declares one bean per
 * topic it consumes; service-kit runs the consumer, and calls {@link #handle} inside a transaction that also
 * records the event in the inbox, so an event applied once is never applied again. Throwing makes the
 * attempt roll back; after the configured attempts the event goes to `<topic>.dlq` with the reason.
 */
public interface EventHandler {

    /** The topic consumed, e.g. province.events. */
    String topic();

    void handle(CloudEvent event) throws Exception;
}
