package vn.nangsuat.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    @Test
    void aVerifiedTokenCountsUntilItsExpiryAndNotASecondLonger() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("a.b.c", "alice", 1_000);
        assertTrue(tokens.isVerified("a.b.c", 999));
        assertFalse(tokens.isVerified("a.b.c", 1_000));
        assertFalse(tokens.isVerified("a.b.c", 999), "an expired entry is gone, not revived by an earlier clock");
    }

    @Test
    void theSubjectOfAVerifiedTokenIsKnownUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("a.b.c", "alice", 1_000);
        assertEquals("alice", tokens.subjectOf("a.b.c", 999));
        assertNull(tokens.subjectOf("a.b.c", 1_000));
        assertNull(tokens.subjectOf("x.y.z", 1));
    }

    @Test
    void onlyTheVerifiedStringCounts() {
        VerifiedTokens tokens = new VerifiedTokens(10);
        tokens.remember("a.b.c", "alice", 1_000);
        assertFalse(tokens.isVerified("a.b.d", 1));
        assertFalse(tokens.isVerified("a.b.c ", 1));
    }

    @Test
    void theTableStaysWithinItsLimit() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        tokens.remember("t1", "t1-subject", 1_000);
        tokens.remember("t2", "t2-subject", 1_000);
        tokens.remember("t3", "t3-subject", 1_000);
        assertTrue(tokens.isVerified("t3", 1));
        assertFalse(tokens.isVerified("t1", 1), "a full table started over");
    }
}
