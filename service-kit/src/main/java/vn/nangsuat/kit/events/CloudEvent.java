package vn.nangsuat.kit.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in JSON structured mode, as it travels on Kafka: the record's value is this JSON,
 * its key the aggregate id (also `subject`). `requestid` is an extension attribute: the id of the HTTP
 * request that caused the event, so one change can be followed from the caller through every service.
 * `traceparent` and `tracestate` are the distributed-tracing extension's (W3C Trace Context of the span that wrote
 * the event, {@link EventTracing}); absent while tracing is off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        String time,
        String datacontenttype,
        String requestid,
        String traceparent,
        String tracestate,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String TYPE_PREFIX = "vn.nangsuat.";

    /** `province.changed`, version 1 -> `vn.nangsuat.province.changed.v1`. */
    public static String type(String name, int version) {
        return TYPE_PREFIX + name + ".v" + version;
    }

    /** Whether this event is of the named type, any version: `province.changed` matches `...province.changed.v2`. */
    public boolean is(String name) {
        return type != null && type.startsWith(TYPE_PREFIX + name + ".v");
    }
}
