package vn.nangsuat.kit.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.RequestTargets;
import vn.nangsuat.http.RouterProblems;
import vn.nangsuat.http.Text;

/**
 * Every request is routed by a target any URI parser accepts: one with raw UTF-8 ({@code ?q=Đắk Lắk} as curl
 * sends it) or characters a URI cannot hold ({@code ?q=<script>}) is rerouted, before any other route, as its
 * percent-encoded equivalent (see {@link RequestTargets#encoded}). Without this a raw UTF-8 search would be read
 * as ISO-8859-1 and find nothing, and anything that reads the request URI would fail with a 500. A target whose
 * bytes are not UTF-8, or with a broken %-escape, is a 400 problem.
 */
@ApplicationScoped
public class RequestTargetRoute {

    private final RouterProblems problems;

    public RequestTargetRoute(RouterProblems problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::encode);
    }

    private void encode(RoutingContext context) {
        String received = context.request().uri();
        if (!received.startsWith("/")) {
            context.next();
            return;
        }
        String encoded = RequestTargets.encoded(received);
        if (encoded == null) {
            problems.write(context, ProblemType.MALFORMED_REQUEST,
                    RequestTargets.NOT_UTF8,
                    List.of(new FieldText("url", new Text("is not UTF-8", "không phải UTF-8"))));
        } else if (RequestTargets.hasBrokenEscape(encoded)) {
            // Refused here, before any handler reads the decoded path (the metrics' route template does, and throws).
            problems.refuse(context, 400);
        } else if (encoded.equals(received)) {
            context.next();
        } else {
            context.reroute(context.request().method(), encoded);
        }
    }
}
