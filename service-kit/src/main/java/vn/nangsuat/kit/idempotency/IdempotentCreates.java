package vn.nangsuat.kit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.datasource.DatabaseFailures;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.ParamConverters;

/**
 * Makes a create safe to retry, one behaviour for every service (after the IETF draft "The Idempotency-Key HTTP Header
 * Field"): the first request with a key creates, and its answer is kept with the key in the same transaction as what
 * it created, so either both are there or neither; the same key and body later answer that first result again
 * (`Idempotent-Replayed: true`), another body with the key is a 422, and a request with the key still in flight a 409.
 * Keys are the caller's own (one client's key never meets another's). A request without a key creates as ever.
 */
@IdempotentCreate
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotentCreates {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    /** How long a request waits for another one holding the same key before it is told that one is in flight. */
    private static final int IN_FLIGHT_WAIT_SECONDS = 1;

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    /** The answer kept for a key. */
    private record Kept(String fingerprint, int status, String location, String etag, String body) {
    }

    @AroundInvoke
    Object once(InvocationContext call) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return call.proceed();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, new Text("must be 1 to 200 visible ASCII characters",
                    "phải gồm 1 đến 200 ký tự ASCII nhìn thấy được"));
        }
        if (call.getMethod().getReturnType() != Response.class) {
            throw new IllegalStateException("@IdempotentCreate needs a method that answers a Response: " + call.getMethod());
        }
        String principal = identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        String fingerprint = fingerprint(call);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Optional<Kept> first = reserve(principal, key, fingerprint);
            if (first.isPresent()) {
                return replay(first.get(), fingerprint, key);
            }
            Response answer = (Response) call.proceed();
            keep(principal, key, answer);
            return answer;
        });
    }

    /**
     * Inserts the key's row in this transaction, so the create and its answer commit together; the answer kept for the
     * key when a request with it committed before. A request with the key that has not committed yet holds the row: a
     * wait of more than a second for it is a 409.
     */
    private Optional<Kept> reserve(String principal, String key, String fingerprint) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement session = connection.createStatement()) {
                session.execute("SET SESSION innodb_lock_wait_timeout = " + IN_FLIGHT_WAIT_SECONDS);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotent_request (principal,"
                    + " idem_key, fingerprint, status, created_at) VALUES (?, ?, ?, 0, ?)")) {
                insert.setString(1, principal);
                insert.setString(2, key);
                insert.setString(3, fingerprint);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                return Optional.empty();
            } catch (SQLIntegrityConstraintViolationException taken) {
                return Optional.of(kept(connection, principal, key));
            } catch (SQLException e) {
                if (e.getErrorCode() == DatabaseFailures.LOCK_WAIT_TIMEOUT) {
                    String shown = ParamConverters.shorten(key);
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT, new Text("A request with"
                            + " Idempotency-Key '" + shown + "' is still being answered: wait for its answer, or send again"
                            + " shortly to get it", "Một yêu cầu với Idempotency-Key '" + shown + "' vẫn đang được xử lý: hãy"
                            + " chờ câu trả lời của nó, hoặc gửi lại sau giây lát để nhận"), List.of(new FieldText(HEADER,
                            new Text("is in use by a request in flight", "đang được một yêu cầu chưa xong sử dụng"))));
                }
                throw e;
            } finally {
                try (Statement session = connection.createStatement()) {
                    session.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
                }
            }
        }
    }

    private static Kept kept(Connection connection, String principal, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT fingerprint, status, location, etag, body"
                + " FROM idempotent_request WHERE principal = ? AND idem_key = ?")) {
            query.setString(1, principal);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Kept(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5));
            }
        }
    }

    /** Keeps the answer with the key, in the create's transaction. */
    private void keep(String principal, String key, Response answer) throws Exception {
        EntityTag tag = answer.getEntityTag();
        Object location = answer.getHeaders().getFirst("Location");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE idempotent_request SET status = ?,"
                        + " location = ?, etag = ?, body = ? WHERE principal = ? AND idem_key = ?")) {
            update.setInt(1, answer.getStatus());
            update.setString(2, location == null ? null : location.toString());
            update.setString(3, tag == null ? null : tag.toString());
            update.setString(4, answer.hasEntity() ? json.writeValueAsString(answer.getEntity()) : null);
            update.setString(5, principal);
            update.setString(6, key);
            update.executeUpdate();
        }
    }

    /** The first answer again, when this request is its repeat; a 422 naming the key when it is another request. */
    /**
     * The 422 of a key sent again with another request: the one refusal of every create that takes the header,
     * imports' included. {@code earlier} says what the key was used for, in English and Vietnamese.
     */
    public static ProblemException keyReused(String key, String earlier, String earlierVi) {
        String shown = ParamConverters.shorten(key);
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, new Text("Idempotency-Key '" + shown
                + "' was used for " + earlier + ": use a new key for a new request", "Idempotency-Key '" + shown
                + "' đã được dùng cho " + earlierVi + ": hãy dùng khóa mới cho yêu cầu mới"),
                List.of(new FieldText(HEADER, new Text("was used for another request", "đã được dùng cho một yêu cầu khác"))));
    }

    private static Response replay(Kept first, String fingerprint, String key) {
        if (!first.fingerprint().equals(fingerprint)) {
            throw keyReused(key, "another request (another body, path or operation)",
                    "một yêu cầu khác (nội dung, đường dẫn hoặc thao tác khác)");
        }
        Response.ResponseBuilder answer = Response.status(first.status()).header(REPLAYED, "true");
        if (first.body() != null) {
            answer.entity(first.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (first.location() != null) {
            answer.header("Location", first.location());
        }
        if (first.etag() != null) {
            answer.header("ETag", first.etag());
        }
        return answer.build();
    }

    /** What makes two requests the same: the operation, and every value it was called with (path, query, body). */
    private String fingerprint(InvocationContext call) throws Exception {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update((call.getMethod().getDeclaringClass().getName() + "#" + call.getMethod().getName())
                .getBytes(StandardCharsets.UTF_8));
        for (Object parameter : call.getParameters()) {
            digest.update((byte) '|');
            digest.update(json.writeValueAsBytes(parameter));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
