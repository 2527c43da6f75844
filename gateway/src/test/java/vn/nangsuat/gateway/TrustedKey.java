package vn.nangsuat.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

/**
 * The key the gateway under test trusts (its test profile names target/test-key/public.pem): a pair made for the
 * test run, so the gateway's tests need no devstack. The pair lives in files because Quarkus loads this resource
 * and the test classes in different class loaders. Tokens signed with it are genuine; {@link #forged()} signs
 * with another key.
 */
public class TrustedKey implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://nangsuat.vn/devstack";
    private static final Path FOLDER = Path.of("target", "test-key");

    @Override
    public Map<String, String> start() {
        privateKeyLocation();
        return Map.of();
    }

    @Override
    public void stop() {
    }

    static String admin() {
        return adminClaims().expiresIn(3600).sign(privateKeyLocation());
    }

    /** A genuine token of another client: its own subject. */
    static String withSubject(String subject) {
        return adminClaims().subject(subject).expiresIn(3600).sign(privateKeyLocation());
    }

    /** A genuine token for the given audience (`aud`). */
    static String forAudience(String audience) {
        return adminClaims().audience(audience).expiresIn(3600).sign(privateKeyLocation());
    }

    static String expired() {
        long now = System.currentTimeMillis() / 1000;
        return adminClaims().issuedAt(now - 7200).expiresAt(now - 3600).sign(privateKeyLocation());
    }

    static String fromAnotherIssuer() {
        return adminClaims().issuer("https://elsewhere.example").expiresIn(3600).sign(privateKeyLocation());
    }

    static String forged() {
        return adminClaims().expiresIn(3600).sign(newPair().getPrivate());
    }

    private static JwtClaimsBuilder adminClaims() {
        return Jwt.issuer(ISSUER).upn("test-admin").groups("admin");
    }

    /** Where the trusted private key is, made (with the public one beside it) on first use. */
    private static synchronized String privateKeyLocation() {
        Path privatePem = FOLDER.resolve("private.pem");
        if (!Files.exists(privatePem)) {
            KeyPair pair = newPair();
            try {
                Files.createDirectories(FOLDER);
                Files.writeString(FOLDER.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic()));
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return privatePem.toAbsolutePath().toString();
    }

    private static String pem(String type, Key key) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair newPair() {
        try {
            return KeyUtils.generateKeyPair(2048);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
