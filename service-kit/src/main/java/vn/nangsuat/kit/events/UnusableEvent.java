package vn.nangsuat.kit.events;

/**
 * An event that can never be applied, however often it is tried (it lacks what the handler needs, or says
 * something impossible): it goes to `<topic>.dlq` with this message as the reason. Every other failure is
 * taken as passing and retried.
 */
public class UnusableEvent extends RuntimeException {

    public UnusableEvent(String reason) {
        super(reason);
    }

    public UnusableEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
