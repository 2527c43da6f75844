package vn.nangsuat.devstack;

/** A failure devstack reports as one line, optionally followed by the tail of a log that explains it. */
class DevstackException extends RuntimeException {

    private final String logTail;

    DevstackException(String message) {
        this(message, null);
    }

    DevstackException(String message, String logTail) {
        super(message);
        this.logTail = logTail;
    }

    String logTail() {
        return logTail;
    }
}
