package vn.nangsuat.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    @Test
    void aVerifiedTokenCountsUntilItsExpiryAndNotASecondLonger() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("a.b.c", 1_000);
        assertTrue(tokens.isVerified("a.b.c", 999));
        assertFalse(tokens.isVerified("a.b.c", 1_000));
        assertFalse(tokens.isVerified("a.b.c", 999), "an expired entry is gone, not revived by an earlier clock");
    }

    @Test
    void onlyTheVerifiedStringCounts() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("a.b.c", 1_000);
        assertFalse(tokens.isVerified("a.b.d", 1));
        assertFalse(tokens.isVerified("a.b.c ", 1));
    }

    @Test
    void theTableStaysWithinItsLimit() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        tokens.remember("t1", 1_000);
        tokens.remember("t2", 1_000);
        tokens.remember("t3", 1_000);
        assertTrue(tokens.isVerified("t3", 1));
        assertFalse(tokens.isVerified("t1", 1), "a full table started over");
    }
}
