package vn.nangsuat.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An OpenTelemetry collector in the test's own process: it takes OTLP over HTTP (protobuf at /v1/traces), as the
 * applications export it when tracing is on, and keeps the spans of the traces a test watches (the rest of the run's
 * spans are answered and dropped, so a long run holds no more than it asks about).
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as the collector received it, ids in lower-case hex. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes) {

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " <- " + (parentSpanId.isEmpty() ? "(root)" : parentSpanId);
        }
    }

    private final HttpServer server;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/", receiver::receive);
        server.start();
        return receiver;
    }

    /** Where an application sends its spans: OTEL_EXPORTER_OTLP_ENDPOINT with the http/protobuf protocol. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Keeps the spans of this trace from now on. */
    void watch(String traceId) {
        watched.add(traceId);
    }

    /** The spans of the trace received so far. */
    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Waits until the trace holds a span of each kind described, or the time is up; returns what it holds then. */
    List<ReceivedSpan> awaitTrace(String traceId, Duration within, List<Predicate<ReceivedSpan>> expected)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!expected.stream().allMatch(wanted -> trace(traceId).stream().anyMatch(wanted))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return trace(traceId);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().stream()
                            .filter(span -> watched.contains(hex(span.getTraceId().toByteArray())))
                            .map(span -> new ReceivedSpan(service, hex(span.getTraceId().toByteArray()),
                                    hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
                                    span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                                    attributes(span.getAttributesList())))
                            .forEach(spans::add);
                }
            }
            // Every span taken: the answer is an empty ExportTraceServiceResponse, which is no bytes at all.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        } catch (IOException | RuntimeException | LinkageError e) {
            // The exporter would only log a failed export: the test's output says why its spans never came.
            e.printStackTrace();
            throw e;
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> {
            var value = attribute.getValue();
            return value.hasStringValue() ? value.getStringValue()
                    : value.hasIntValue() ? Long.toString(value.getIntValue()) : value.toString().trim();
        }, (first, second) -> second));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<ReceivedSpan> ancestors(List<ReceivedSpan> trace, ReceivedSpan span) {
        Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, one -> one,
                (first, second) -> first));
        List<ReceivedSpan> chain = new ArrayList<>();
        for (ReceivedSpan parent = byId.get(span.parentSpanId()); parent != null; parent = byId.get(parent.parentSpanId())) {
            chain.add(parent);
        }
        return chain;
    }
}
