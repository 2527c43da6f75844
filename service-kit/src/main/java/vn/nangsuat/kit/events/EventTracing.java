package vn.nangsuat.kit.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Traces follow events (the CloudEvents distributed-tracing extension): writing events to the outbox is a span of the
 * request or consumer that writes them, each event carries that span's W3C `traceparent`, and the consumer that applies
 * it continues the trace. So one trace shows a write, its outbox row, the hop through Kafka (the gap between the
 * producer span and the consumer's), what the consumer did and the events it published in turn. The relay, which sends
 * the rows later and in batches, adds no span of its own. With tracing off (the default) the spans cost nothing and
 * events carry no `traceparent`.
 */
@ApplicationScoped
public class EventTracing {

    /** The W3C context an event carries; both null when there is none. */
    public record TraceContext(String traceparent, String tracestate) {
        static final TraceContext NONE = new TraceContext(null, null);
    }

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Starts the span of writing events of one type to a topic's outbox, a child of the current span. */
    Span publishing(String topic, String eventType, int count) {
        return tracer.spanBuilder("publish " + topic).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "create")
                .setAttribute("messaging.batch.message_count", (long) count)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
    }

    /** The W3C context of the span, for the events written in it; none when tracing is off. */
    static TraceContext contextOf(Span span) {
        if (!span.getSpanContext().isValid()) {
            return TraceContext.NONE;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(span), carrier, Map::put);
        return new TraceContext(carrier.get("traceparent"), carrier.get("tracestate"));
    }

    /**
     * Starts the span of applying events a consumer polled together. It continues the trace they share, as the child of
     * the last one's span and linked to the others' (two writes of one request, applied in one chunk); events of several
     * traces (an import's series beside another client's write) start a trace of the consumer's, linked to each.
     */
    Span applying(String consumer, String topic, List<CloudEvent> events) {
        Set<SpanContext> parents = new LinkedHashSet<>();
        events.forEach(event -> {
            SpanContext parent = parentOf(event);
            if (parent.isValid()) {
                parents.add(parent);
            }
        });
        SpanBuilder builder = tracer.spanBuilder("process " + topic).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.batch.message_count", (long) events.size());
        if (events.size() == 1) {
            builder.setAttribute("messaging.message.id", events.get(0).id())
                    .setAttribute("cloudevents.event_type", events.get(0).type());
        }
        List<SpanContext> links = new ArrayList<>(parents);
        if (!links.isEmpty() && links.stream().map(SpanContext::getTraceId).distinct().count() == 1) {
            SpanContext last = links.remove(links.size() - 1);
            builder.setParent(Context.root().with(Span.wrap(last)));
        } else {
            builder.setNoParent();
        }
        links.forEach(builder::addLink);
        return builder.startSpan();
    }

    /** The span context an event carries; invalid when it carries none (or a malformed one, which is ignored). */
    static SpanContext parentOf(CloudEvent event) {
        if (event.traceparent() == null) {
            return SpanContext.getInvalid();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put("traceparent", event.traceparent());
        if (event.tracestate() != null) {
            carrier.put("tracestate", event.tracestate());
        }
        return Span.fromContext(W3C.extract(Context.root(), carrier, FROM_MAP)).getSpanContext();
    }
}
