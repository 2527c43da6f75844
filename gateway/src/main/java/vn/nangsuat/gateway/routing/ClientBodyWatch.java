package vn.nangsuat.gateway.routing;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Duration;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * A client that stops sending its request body half-way is answered 408 once no byte of it has come for the client body
 * timeout, and its connection is closed: the gateway holds neither the request nor (for a streamed import) the
 * service's half-sent one until the upstream timeout, and the service is never blamed, nor its route cut off, for the
 * client's silence. Progress is read from the count of body bytes the server has read, so the body's reader (the body
 * handler, or the pipe to the service) is left alone; a streamed body the gateway itself holds back (no connection to
 * the service yet, or the service not taking more) is not the client's silence.
 */
final class ClientBodyWatch implements PlatformHandler {

    /** Set on the routing context once the gateway answered 408: what fails afterwards is not the service's doing. */
    static final String STALLED = "gateway.client-body-stalled";
    /** Set on the routing context of a request whose body is piped to the service as it comes. */
    static final String STREAMED = "gateway.streamed";
    /** The request to the service a streamed body is piped into, once it exists. */
    static final String UPSTREAM_REQUEST = "gateway.upstream-request";

    private final Duration timeout;
    private final GatewayProblems problems;

    /** A platform handler, so that it may come before a route's body handler and see the body arrive. */
    ClientBodyWatch(Duration timeout, GatewayProblems problems) {
        this.timeout = timeout;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext context) {
        if (bodyExpected(context.request())) {
            watch(context, timeout, problems);
        }
        context.next();
    }

    private static boolean bodyExpected(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.equals("0") : request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /**
     * Answers with `Connection: close` and closes the connection once the answer is out: the rest of a body the client
     * has not finished sending is not waited for (Vert.x would otherwise read it to keep the connection).
     */
    static void closeAfterAnswer(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        context.addEndHandler(done -> context.request().connection().close());
    }

    private static void watch(RoutingContext context, Duration timeout, GatewayProblems problems) {
        HttpServerRequest request = context.request();
        long[] lastBytes = {request.bytesRead()};
        long[] lastProgress = {System.nanoTime()};
        long timer = context.vertx().setPeriodic(Math.max(50, timeout.toMillis() / 4), id -> {
            if (request.isEnded() || context.response().ended() || context.response().closed()) {
                context.vertx().cancelTimer(id);
                return;
            }
            HttpClientRequest upstream = context.get(UPSTREAM_REQUEST);
            boolean heldBack = Boolean.TRUE.equals(context.get(STREAMED)) && (upstream == null || upstream.writeQueueFull());
            long read = request.bytesRead();
            if (read != lastBytes[0] || heldBack) {
                lastBytes[0] = read;
                lastProgress[0] = System.nanoTime();
                return;
            }
            if (System.nanoTime() - lastProgress[0] < timeout.toNanos()) {
                return;
            }
            context.vertx().cancelTimer(id);
            context.put(STALLED, true);
            // Closing the connection ends a streamed body's pipe with a failure, which resets the service's request.
            closeAfterAnswer(context);
            problems.write(context, ProblemType.REQUEST_TIMEOUT, new Text("The request body stopped arriving: "
                    + read + " bytes came, then none for " + timeout.toMillis() / 1000.0 + " s. Send the request again whole.",
                    "Nội dung yêu cầu ngừng đến: đã nhận " + read + " byte, rồi không có gì trong " + timeout.toMillis() / 1000.0
                            + " giây. Hãy gửi lại toàn bộ yêu cầu."));
        });
        context.addEndHandler(done -> context.vertx().cancelTimer(timer));
    }
}
