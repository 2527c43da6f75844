package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bursts of 3, then one request every 2 s. The tests connect from 127.0.0.1, the trusted proxy here, and from
 * other loopback addresses (127.0.0.2, ...) that stand for clients connecting directly; each test uses clients
 * of its own, so their buckets do not mix.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@TestProfile(GatewayRateLimitTest.TightLimit.class)
class GatewayRateLimitTest {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests-per-second", "0.5", "gateway.rate-limit.burst", "3",
                    "gateway.rate-limit.trusted-proxies", "10.0.0.0/8, 127.0.0.1");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndTheServiceNeverSeesIt() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/provinces").then().statusCode(200);
        }
        given().when().get("/api/v1/provinces")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
    }

    @Test
    void clientsBehindATrustedProxyGetABucketEach() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.1").when().get("/api/v1/provinces").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.1").when().get("/api/v1/provinces").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.2").when().get("/api/v1/provinces").then().statusCode(200);
        given().header("Forwarded", "for=\"[2001:db8::2]:4711\";proto=https").when().get("/api/v1/provinces")
                .then().statusCode(200);
    }

    /** A client may write anything into X-Forwarded-For; only the hops added by trusted proxies count. */
    @Test
    void whatAClientPutsBeforeTheTrustedHopsIsIgnored() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.3, 10.1.2.3")
                    .when().get("/api/v1/provinces").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.99, 203.0.113.3, 10.1.2.3")
                .when().get("/api/v1/provinces").then().statusCode(429);
    }

    @Test
    void anUntrustedPeersForwardedForIsIgnored() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, PeerClient.get("127.0.0.2", RestAssured.port, "/api/v1/provinces",
                    "X-Forwarded-For: 198.51.100." + i).status());
        }
        PeerClient.Response refused = PeerClient.get("127.0.0.2", RestAssured.port, "/api/v1/provinces",
                "X-Forwarded-For: 198.51.100.200", "Forwarded: for=198.51.100.201");
        assertEquals(429, refused.status());
        assertEquals("application/problem+json", refused.header("Content-Type"));
    }

    @Test
    void tokensWithDifferentSubjectsFromOneAddressGetABucketEach() {
        String alice = TrustedKey.withSubject("alice");
        String bob = TrustedKey.withSubject("bob");
        // A token's first request is counted by address, before the token is verified; get that done elsewhere.
        for (String token : new String[] {alice, bob}) {
            assertEquals(200, PeerClient.get("127.0.0.3", RestAssured.port, "/api/v1/provinces",
                    "Authorization: Bearer " + token).status());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, PeerClient.get("127.0.0.4", RestAssured.port, "/api/v1/provinces",
                    "Authorization: Bearer " + alice).status());
        }
        assertEquals(429, PeerClient.get("127.0.0.4", RestAssured.port, "/api/v1/provinces",
                "Authorization: Bearer " + alice).status());
        assertEquals(200, PeerClient.get("127.0.0.4", RestAssured.port, "/api/v1/provinces",
                "Authorization: Bearer " + bob).status());
    }

    @Test
    void operationsEndpointsAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            given().baseUri(health.toString()).when().get("/live").then().statusCode(200);
        }
    }
}
