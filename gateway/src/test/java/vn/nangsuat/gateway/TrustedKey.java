package vn.nangsuat.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The key the gateway under test trusts (its test profile names target/test-key/public.pem): a pair made for the
 * test run, so the gateway's tests need no devstack. The pair lives in files because Quarkus loads this resource and the test classes in
 * different class loaders. Tokens signed with it are genuine; {@link #forged()} signs with another key.
 */
public class TrustedKey implements QuarkusTestResourceLifecycleManager {

    static final String ISSUER = "https://nangsuat.vn/devstack";
    private static final Path FOLDER = Path.of("target", "test-key");

    @Override
    public Map<String, String> start() {
        trustedPrivateKey();
        return Map.of();
    }

    @Override
    public void stop() {
    }

    static String admin() {
        return Jwt.issuer(ISSUER).upn("test-admin").groups("admin").expiresIn(3600).sign(trustedPrivateKey());
    }

    static String expired() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).upn("test-admin").groups("admin").issuedAt(now - 7200).expiresAt(now - 3600)
                .sign(trustedPrivateKey());
    }

    static String fromAnotherIssuer() {
        return Jwt.issuer("https://elsewhere.example").upn("test-admin").groups("admin").expiresIn(3600)
                .sign(trustedPrivateKey());
    }

    static String forged() {
        return Jwt.issuer(ISSUER).upn("test-admin").groups("admin").expiresIn(3600).sign(newPair().getPrivate());
    }

    /** The trusted pair's private key, made and written (with the public one) on first use. */
    private static synchronized PrivateKey trustedPrivateKey() {
        Path privatePem = FOLDER.resolve("private.pem");
        try {
            if (!Files.exists(privatePem)) {
                KeyPair pair = newPair();
                Files.createDirectories(FOLDER);
                Files.writeString(FOLDER.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
