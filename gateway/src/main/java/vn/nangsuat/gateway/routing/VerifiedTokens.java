package vn.nangsuat.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens the gateway has verified, each until its own expiry. A client sends the same token with every
 * request, and checking an RS256 signature costs more than forwarding the request (bench/README.md), so a
 * token is verified once. Bounded: when full, the table starts over (every token is then verified again once).
 * The token's subject is kept beside it: the rate limits count a verified client by who it is, not where from.
 */
final class VerifiedTokens {

    private final int limit;
    private record Verified(String subject, long expirySeconds) {
    }

    private final Map<String, Verified> byToken = new ConcurrentHashMap<>();

    VerifiedTokens(int limit) {
        this.limit = limit;
    }

    /** True when the token was verified and has not expired at {@code nowSeconds} (epoch seconds). */
    boolean isVerified(String token, long nowSeconds) {
        return subjectOf(token, nowSeconds) != null;
    }

    /** The subject of a verified token that has not expired at {@code nowSeconds}, else null. */
    String subjectOf(String token, long nowSeconds) {
        Verified verified = byToken.get(token);
        if (verified == null) {
            return null;
        }
        if (nowSeconds >= verified.expirySeconds()) {
            byToken.remove(token);
            return null;
        }
        return verified.subject();
    }

    /** Remembers a token the parser accepted, with its subject, until {@code expirySeconds} (its `exp` claim). */
    void remember(String token, String subject, long expirySeconds) {
        if (byToken.size() >= limit) {
            byToken.clear();
        }
        byToken.put(token, new Verified(subject, expirySeconds));
    }
}
