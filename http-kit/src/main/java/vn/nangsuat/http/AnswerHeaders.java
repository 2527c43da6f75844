package vn.nangsuat.http;

import java.util.List;

/**
 * The headers answers carry, as the contract declares them (in `components/headers`, referred to from each response
 * that sends one): written once here for the services' document filter and the gateway's merge.
 */
public final class AnswerHeaders {

    /**
     * One answer header: its name (also its key under `components/headers`), what it tells a client, and whether its
     * value is a count of seconds (an integer) rather than a string.
     */
    public record Declared(String name, String description, boolean seconds) {

        Declared(String name, String description) {
            this(name, description, false);
        }

        /** The JSON Schema type of its value. */
        public String schemaType() {
            return seconds ? "integer" : "string";
        }

        public String ref() {
            return "#/components/headers/" + name;
        }
    }

    public static final Declared REQUEST_ID = new Declared(RequestId.HEADER,
            "The request's id, the one in the logs and in a problem's requestId: quote it when reporting a fault");
    public static final Declared ETAG = new Declared("ETag",
            "The answer's entity tag: send it in If-None-Match to read again cheaply (304 while unchanged) and, for a"
                    + " resource, in If-Match to change it only as read");
    public static final Declared LOCATION = new Declared("Location", "Where the resource created (or the job) is read");
    public static final Declared LINK = new Declared("Link",
            "RFC 8288 links to the first, prev, next and last pages, keeping the other query parameters");
    public static final Declared RETRY_AFTER = new Declared("Retry-After", "Seconds to wait before sending again", true);
    public static final Declared AGE = new Declared("Age",
            "Seconds since the service made the answer, when the gateway's shared cache answered", true);
    public static final Declared CONTENT_DISPOSITION = new Declared("Content-Disposition",
            "attachment, with a file name, on a CSV answer (a browser saves it)");

    public static final List<Declared> ALL = List.of(REQUEST_ID, ETAG, LOCATION, LINK, RETRY_AFTER, AGE,
            CONTENT_DISPOSITION);

    private AnswerHeaders() {
    }
}
