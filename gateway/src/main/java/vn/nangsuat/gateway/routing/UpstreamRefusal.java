package vn.nangsuat.gateway.routing;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * What the client is told when an exchange with an upstream failed, decided by the kind of failure, never by
 * its message; the message names hosts, ports and timeouts of the inside and stays in the log. Pure: no I/O.
 */
public record UpstreamRefusal(ProblemType type, Text detail, boolean unreachable) {

    public int status() {
        return type.status();
    }

    /** The name clients know a service by: indicator becomes indicator-service. */
    public static String serviceName(String upstream) {
        return upstream + "-service";
    }

    /**
     * Whether the exchange failed on its connection (none came about, or it broke off), so a read may be tried once
     * more on another: a pooled connection the service had just closed is the common case. Never a timeout (the
     * service may still be working) nor a refusal of the gateway's own.
     */
    public boolean connectionFailed() {
        return type == ProblemType.UPSTREAM_UNAVAILABLE;
    }

    /** What a request is told of a service no connection could be made to, found now or by the last probe. */
    static Text notReachable(String service) {
        return new Text(service + " is not reachable", "Không kết nối được tới " + service);
    }

    public static UpstreamRefusal of(Throwable failure, String upstream) {
        String service = serviceName(upstream);
        // Netty's ConnectTimeoutException is a ConnectException: no connection came about, so 502, not 504.
        if (causedBy(failure, ConnectException.class)) {
            return new UpstreamRefusal(ProblemType.UPSTREAM_UNAVAILABLE, notReachable(service), true);
        }
        if (causedBy(failure, ConnectionPoolTooBusyException.class)) {
            return new UpstreamRefusal(ProblemType.SERVICE_UNAVAILABLE,
                    new Text(service + " has too many requests waiting; retry after the time in Retry-After",
                            service + " có quá nhiều yêu cầu đang chờ; hãy thử lại sau thời gian trong Retry-After"), false);
        }
        if (causedBy(failure, TimeoutException.class) || causedBy(failure, io.netty.handler.timeout.TimeoutException.class)) {
            return new UpstreamRefusal(ProblemType.UPSTREAM_TIMEOUT, new Text(service + " did not answer in time",
                    service + " không trả lời kịp"), false);
        }
        if (causedBy(failure, Upstreams.AnswerTooLargeException.class)) {
            return new UpstreamRefusal(ProblemType.UPSTREAM_ANSWER_TOO_LARGE,
                    new Text(service + " answered with more than the gateway forwards",
                            service + " trả về nhiều hơn mức cổng chuyển tiếp"), false);
        }
        return new UpstreamRefusal(ProblemType.UPSTREAM_UNAVAILABLE, new Text(service + " broke off the exchange",
                service + " ngắt trao đổi giữa chừng"), false);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
