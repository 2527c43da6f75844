package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Token keys from the identity provider's JWKS URL (JWT_PUBLIC_KEY_LOCATION names it), and a rotation: the provider
 * publishes a second key beside the first and signs new tokens with it; tokens of both keys are taken, with no
 * restart, and a token whose key the provider never published is refused.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@QuarkusTestResource(value = GatewayKeyRotationTest.IdentityProvider.class, restrictToAnnotatedClass = true)
class GatewayKeyRotationTest {

    /**
     * An identity provider's key set endpoint: it serves target/key-rotation/published.json as it is at each request,
     * so the test rotates the key by writing that file (files, not fields: the test and this resource may see
     * different copies of a class).
     */
    public static class IdentityProvider implements QuarkusTestResourceLifecycleManager {

        static final Path FOLDER = Path.of("target", "key-rotation");
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            try {
                Files.createDirectories(FOLDER);
                JsonObject first = keyPair("first");
                JsonObject second = keyPair("second");
                Files.writeString(FOLDER.resolve("first-only.json"),
                        new JsonObject().put("keys", new JsonArray().add(first)).encode());
                Files.writeString(FOLDER.resolve("both.json"),
                        new JsonObject().put("keys", new JsonArray().add(first).add(second)).encode());
                Files.copy(FOLDER.resolve("first-only.json"), FOLDER.resolve("published.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                HttpServer server = vertx.createHttpServer().requestHandler(request -> vertx.fileSystem()
                        .readFile(FOLDER.resolve("published.json").toString())
                        .onSuccess(keys -> request.response().putHeader("Content-Type", "application/json").end(keys)));
                StandInService.listen(server, "key set endpoint");
                String keySet = "http://127.0.0.1:" + server.actualPort() + "/certs";
                return Map.of("JWT_PUBLIC_KEY_LOCATION", keySet, "mp.jwt.verify.publickey.location", keySet,
                        // A token signed with a key not seen yet makes the gateway fetch the key set again at once.
                        "smallrye.jwt.jwks.forced-refresh-interval", "0",
                        // Why a token was refused, in the test's log.
                        "quarkus.log.category.\"vn.nangsuat.gateway.routing.BearerTokens\".level", "DEBUG");
            } catch (Exception e) {
                throw new IllegalStateException("the key set endpoint did not start", e);
            }
        }

        /** A new key pair: the private key written beside the others, the public one returned as a JWK. */
        private static JsonObject keyPair(String id) throws Exception {
            KeyPair pair = KeyUtils.generateKeyPair(2048);
            Files.writeString(FOLDER.resolve(id + ".pem"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            return new JsonObject().put("kty", "RSA").put("kid", id).put("use", "sig").put("alg", "RS256")
                    .put("n", url.encodeToString(unsigned(key.getModulus())))
                    .put("e", url.encodeToString(unsigned(key.getPublicExponent())));
        }

        private static byte[] unsigned(BigInteger value) {
            byte[] bytes = value.toByteArray();
            return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        }

        @Override
        public void stop() {
            vertx.close();
        }
    }

    /** A token signed with the named key, naming it (`kid`) as a provider's token does. */
    private static String token(String keyId) {
        return Jwt.issuer(TrustedKey.ISSUER).upn("rotating-admin").groups("admin").expiresIn(3600)
                .jws().keyId(keyId).sign(IdentityProvider.FOLDER.resolve(keyId + ".pem").toAbsolutePath().toString());
    }

    private static void publish(String keySet) throws Exception {
        Files.copy(IdentityProvider.FOLDER.resolve(keySet), IdentityProvider.FOLDER.resolve("published.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void tokensOfTheOldAndTheNewKeyAreTakenAcrossARotation() throws Exception {
        publish("first-only.json");
        given().auth().oauth2(token("first")).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(200).body("method", equalTo("POST"));

        // The provider rotates: it publishes the second key beside the first and signs new tokens with it.
        publish("both.json");
        // jose4j ignores a refresh asked for within 300 ms of its last fetch (a provider is never hammered).
        Thread.sleep(500);
        given().auth().oauth2(token("second")).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(200).body("method", equalTo("POST"));
        given().auth().oauth2(token("first")).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(200);

        // A key the provider never published: refused, whatever the token says.
        String unpublished = Jwt.issuer(TrustedKey.ISSUER).upn("forger").groups("admin").expiresIn(3600)
                .jws().keyId("third").sign(KeyUtils.generateKeyPair(2048).getPrivate());
        given().auth().oauth2(unpublished).contentType("application/json").body("{}")
                .when().post("/api/v1/provinces").then().statusCode(401).contentType("application/problem+json");
    }
}
