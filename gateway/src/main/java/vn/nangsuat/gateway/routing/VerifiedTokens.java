package vn.nangsuat.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens the gateway has verified, each until its own expiry. A client sends the same token with every
 * request, and checking an RS256 signature costs more than forwarding the request (bench/README.md), so a
 * token is verified once. Bounded: when full, the table starts over (every token is then verified again once).
 */
final class VerifiedTokens {

    private final int limit;
    private final Map<String, Long> expiryByToken = new ConcurrentHashMap<>();

    VerifiedTokens(int limit) {
        this.limit = limit;
    }

    /** True when the token was verified and has not expired at {@code nowSeconds} (epoch seconds). */
    boolean isVerified(String token, long nowSeconds) {
        Long expiry = expiryByToken.get(token);
        if (expiry == null) {
            return false;
        }
        if (nowSeconds >= expiry) {
            expiryByToken.remove(token);
            return false;
        }
        return true;
    }

    /** Remembers a token the parser accepted, until {@code expirySeconds} (its `exp` claim). */
    void remember(String token, long expirySeconds) {
        if (expiryByToken.size() >= limit) {
            expiryByToken.clear();
        }
        expiryByToken.put(token, expirySeconds);
    }
}
