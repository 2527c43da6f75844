package vn.nangsuat.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the services behind the gateway: a plain HTTP server that echoes what reached it, answers
 * slowly, hugely or not at all on demand and serves a small OpenAPI document. Beside it, a recorder on a bare TCP
 * socket owns /api/v1/recorded and answers with the exact bytes of the request target it received, since an
 * HTTP server would decode them first. The gateway under test is the real one.
 */
public class StandInService implements QuarkusTestResourceLifecycleManager {

    /** The path whose bodies the gateway streams (indicator-service's imports). */
    static final String STREAMED = "/api/v1/observations/imports";
    /** Streamed bodies received whole, and broken off, since the stand-in started. */
    static final java.util.concurrent.atomic.AtomicInteger WHOLE = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger BROKEN_OFF = new java.util.concurrent.atomic.AtomicInteger();
    /** Calls of a path ending in /flaky: the odd ones break off. */
    static final java.util.concurrent.atomic.AtomicInteger FLAKY_CALLS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * What the services answer the overview of unit 46 (and 06, a former code) with, as their contracts say; the
     * request id of the last such call is kept, to show the overview's calls carry the client's.
     */
    private static final Map<String, String> OVERVIEW_ANSWERS = Map.of(
            "/api/v1/provinces/46", """
                    {"code":"46","name":"Huế","kind":"CITY","region":"NORTH_CENTRAL_CENTRAL_COAST","regionDerived":false,
                     "validFrom":"2025-07-01","validTo":null,"former":false}""",
            "/api/v1/plans?unit=46", """
                    {"items":[
                      {"id":5,"unitCode":"46","title":"Withdrawn","startYear":2021,"endYear":2030,"state":"WITHDRAWN"},
                      {"id":6,"unitCode":"46","title":"2016-2020","startYear":2016,"endYear":2020,"state":"COMPLETED"},
                      {"id":7,"unitCode":"46","title":"2021-2030","startYear":2021,"endYear":2030,"state":"IN_PROGRESS"},
                      {"id":8,"unitCode":"46","title":"Draft","startYear":2026,"endYear":2030,"state":"DRAFT"}],
                     "page":0,"size":500,"totalItems":4}""",
            "/api/v1/plans/7/targets", """
                    [{"id":41,"planId":7,"indicator":"GRDP_CONSTANT","kind":"GROWTH","targetYear":2030,"targetValue":7,
                      "progress":{"status":"ON_TRACK","latestPeriod":"2024"}}]""",
            "/api/v1/plans/6/targets", "[]",
            "/api/v1/observations/harmonized?unit=46", """
                    {"unit":"46","name":"Huế","harmonizedTo":"2026-11-29","values":[
                      {"indicator":"LABOUR_PRODUCTIVITY_CONSTANT","period":"2023","value":75.7,"derived":true,"units":["46"],
                       "statuses":["OFFICIAL"],"revisions":2},
                      {"indicator":"LABOUR_PRODUCTIVITY_CONSTANT","period":"2024","value":79.0,"derived":true,"units":["46"],
                       "statuses":["OFFICIAL"],"revisions":2},
                      {"indicator":"GRDP_CONSTANT","period":"2023","value":45100.0,"derived":false,"units":["46"],
                       "statuses":["OFFICIAL"],"revisions":1},
                      {"indicator":"GRDP_CONSTANT","period":"2024","value":48215.6,"derived":false,"units":["46"],
                       "statuses":["OFFICIAL"],"revisions":1},
                      {"indicator":"EMPLOYED_WORKERS","period":"2024","value":610.2,"derived":false,"units":["46"],
                       "statuses":["OFFICIAL"],"revisions":1}],
                     "leftOut":[]}""");
    static final java.util.concurrent.atomic.AtomicReference<String> OVERVIEW_REQUEST_ID =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Calls of a path ending in /cacheable or /late-cacheable (answered with Cache-Control s-maxage) or /private
     * (private, max-age).
     */
    static final java.util.concurrent.atomic.AtomicInteger CACHEABLE_CALLS = new java.util.concurrent.atomic.AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(STREAMED)) {
                countStreamed(request);
                return;
            }
            answer(request);
        });
        listen(server, "stand-in service");
        // The services' management interface: readiness and the OpenAPI document are read there, not on the API's port.
        HttpServer management = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/health/ready")) {
                request.response().end("{\"status\":\"UP\"}");
            } else if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("openapi", "3.1.0")
                        .put("paths", new JsonObject().put("/api/v1/provinces", new JsonObject().put("get",
                                new JsonObject().put("summary", "List the units"))))
                        .put("components", new JsonObject().put("schemas", new JsonObject()
                                .put("Problem", new JsonObject().put("type", "object"))))
                        .encode());
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        listen(management, "stand-in management interface");
        NetServer recorder = vertx.createNetServer().connectHandler(StandInService::recordTarget);
        try {
            recorder.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("recorder did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        Map<String, String> config = new HashMap<>();
        config.put("gateway.upstreams.province.url", url);
        config.put("gateway.upstreams.indicator.url", url);
        config.put("gateway.upstreams.plan.url", url);
        config.put("gateway.upstreams.recorder.url", "http://127.0.0.1:" + recorder.actualPort());
        config.put("gateway.upstreams.recorder.paths", "/api/v1/recorded");
        for (String upstream : new String[] {"province", "indicator", "plan", "recorder"}) {
            config.put("gateway.upstreams." + upstream + ".management-port", Integer.toString(management.actualPort()));
        }
        config.put("gateway.upstream-timeout", "1s");
        config.put("gateway.max-body-bytes", "1024");
        config.put("gateway.max-response-bytes", "65536");
        // Off here, so tests that send many requests are not throttled; GatewayRateLimitTest turns it on.
        config.put("gateway.rate-limit.requests-per-second", "0");
        return config;
    }

    private void answer(io.vertx.core.http.HttpServerRequest request) {
        request.body().onSuccess(body -> {
            String path = request.path();
            String canned = request.method().name().equals("GET") ? overviewAnswer(request) : null;
            if (canned != null) {
                OVERVIEW_REQUEST_ID.set(request.getHeader("X-Request-Id"));
                request.response().putHeader("Content-Type", "application/json").end(canned);
            } else if (path.equals("/api/v1/provinces/06")) {
                request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"https://nangsuat.vn/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                                + "\"detail\":\"No unit has code 06 on 2026-11-29\",\"instance\":\"/api/v1/provinces/06\"}");
            } else if (path.endsWith("cacheable") || path.endsWith("/private")) {
                int call = CACHEABLE_CALLS.incrementAndGet();
                // A path ending in /late-cacheable answers after 300 ms, as a read still on its way.
                vertx.setTimer(path.endsWith("/late-cacheable") ? 300 : 1, t -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", path.endsWith("/private") ? "private, max-age=30" : "s-maxage=30")
                        .putHeader("ETag", "\"v" + call + "\"")
                        .end(new JsonObject().put("call", call).encode()));
            } else if (path.endsWith("/slow")) {
                vertx.setTimer(300, t -> echo(request, body.toString()));
            } else if (path.endsWith("/very-slow")) {
                vertx.setTimer(3000, t -> echo(request, body.toString()));
            } else if (path.endsWith("/hang-up")) {
                request.connection().close();
            } else if (path.endsWith("/flaky")) {
                if (FLAKY_CALLS.incrementAndGet() % 2 == 1) {
                    request.connection().close();  // every other call breaks off
                } else {
                    echo(request, body.toString());
                }
            } else if (path.endsWith("/huge")) {
                // Chunked, so no Content-Length warns the gateway: it has to count.
                request.response().setChunked(true).putHeader("Content-Type", "text/plain");
                for (int i = 0; i < 10; i++) {
                    request.response().write("x".repeat(10_000));
                }
                request.response().end();
            } else {
                echo(request, body.toString());
            }
        });
    }

    /** The overview's answer for this request: by path, or by path and the unit asked for. */
    private static String overviewAnswer(io.vertx.core.http.HttpServerRequest request) {
        String unit = request.getParam("unit");
        return OVERVIEW_ANSWERS.get(unit == null ? request.path() : request.path() + "?unit=" + unit);
    }

    /**
     * The streamed import path: counts and digests the body as it arrives, never holding it, and answers what it
     * received; a body broken off (the exchange reset) is counted apart, so a test can tell it never looked whole.
     */
    private static void countStreamed(io.vertx.core.http.HttpServerRequest request) {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] bytes = {0};
        request.exceptionHandler(broken -> BROKEN_OFF.incrementAndGet());
        request.handler(chunk -> {
            bytes[0] += chunk.length();
            digest.update(chunk.getBytes());
        });
        request.endHandler(end -> {
            WHOLE.incrementAndGet();
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("bytes", bytes[0]).put("sha256", java.util.HexFormat.of().formatHex(digest.digest())).encode());
        });
    }

    private static void echo(io.vertx.core.http.HttpServerRequest request, String body) {
        if (request.response().closed()) {
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        request.response().putHeader("Content-Type", "application/json")
                .putHeader("Link", "<http://upstream/next>; rel=\"next\"")
                .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                        .put("headers", headers).put("body", body).encode());
    }

    /** Answers each request with the bytes of its target, base64 in {"target": ...}, and closes the connection. */
    private static void recordTarget(NetSocket socket) {
        Buffer received = Buffer.buffer();
        socket.handler(chunk -> {
            received.appendBuffer(chunk);
            byte[] bytes = received.getBytes();
            int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0 || indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) < 0) {
                return;
            }
            int targetStart = indexOf(bytes, new byte[] {' '}) + 1;
            int targetEnd = lineEnd;
            while (bytes[targetEnd - 1] != ' ') {
                targetEnd--;
            }
            byte[] target = Arrays.copyOfRange(bytes, targetStart, targetEnd - 1);
            String body = new JsonObject().put("target", Base64.getEncoder().encodeToString(target)).encode();
            socket.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).onComplete(written -> socket.close());
            socket.handler(null);
        });
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A port nothing listens on, to stand for a service that is down. */
    /** Starts a stand-in's HTTP server on a free port of 127.0.0.1, or fails naming what did not start. */
    static HttpServer listen(HttpServer server, String what) {
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(what + " did not start", e);
        }
    }

    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
