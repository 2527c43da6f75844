package vn.nangsuat.gateway.routing;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.InvalidJwtException;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * The gateway's part of authentication, on everything under /api: a bearer token must be genuine (signature,
 * issuer, expiry) before it reaches a service, and a write (any method but GET, HEAD and OPTIONS) must carry one.
 * What a token allows stays with the services, operation by operation; they verify it again. Runs after the rate
 * limits, so guessing tokens is throttled too, and before a body is read, so strangers' uploads are not buffered.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String SCHEME = "Bearer ";

    private final JWTParser parser;
    private final GatewayProblems problems;
    private final VerifiedTokens verified = new VerifiedTokens(10_000);

    public BearerTokens(JWTParser parser, GatewayProblems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-80).handler(this::verify);
    }

    private void verify(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            if (READS.contains(context.request().method())) {
                context.next();
            } else {
                refuse(context, "Bearer", new Text("Writes need a bearer token (RS256 JWT) in the Authorization header",
                        "Thao tác ghi cần một bearer token (JWT RS256) trong header Authorization"));
            }
            return;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            refuse(context, "Bearer", new Text("The Authorization header must carry a bearer token (RS256 JWT)",
                    "Header Authorization phải mang một bearer token (JWT RS256)"));
            return;
        }
        String token = authorization.substring(SCHEME.length()).trim();
        if (verified.isVerified(token, Instant.now().getEpochSecond())) {
            context.next();
            return;
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            // Tokens without `sub` (devstack's name the user in `upn`) are told apart by their name.
            String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            verified.remember(token, subject == null ? "" : subject, jwt.getExpirationTime());
            context.next();
        } catch (ParseException e) {
            LOG.debugf(e, "bearer token refused");
            refuse(context, "Bearer error=\"invalid_token\"", hasExpired(e)
                    ? new Text("The bearer token has expired", "Bearer token đã hết hạn")
                    : new Text("The bearer token is not valid: malformed, not signed by the trusted key, or from another"
                            + " issuer", "Bearer token không hợp lệ: sai định dạng, không được ký bằng khóa tin cậy, hoặc"
                            + " do bên phát hành khác cấp"));
        }
    }

    /**
     * The subject of the request's bearer token when this gateway has already verified that token, else null.
     * Cheap, and never verifies: the rate limits ask before the token check, so unverified tokens are counted
     * by address and guessing tokens stays throttled.
     */
    public String verifiedSubject(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return verified.subjectOf(authorization.substring(SCHEME.length()).trim(), Instant.now().getEpochSecond());
    }

    private void refuse(RoutingContext context, String challenge, Text detail) {
        context.response().putHeader("WWW-Authenticate", challenge);
        problems.write(context, ProblemType.UNAUTHORIZED, detail);
    }

    private static boolean hasExpired(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                return invalid.hasExpired();
            }
        }
        return false;
    }
}
