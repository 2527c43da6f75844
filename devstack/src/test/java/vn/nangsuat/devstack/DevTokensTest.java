package vn.nangsuat.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    @TempDir
    Path home;

    private Settings settings() {
        return new Settings(home, home, "127.0.0.1", 3307, 19092, 19093, null, Settings.SCHEMAS);
    }

    @Test
    void aTokenIsSignedByTheKeyPairWhosePublicHalfTheServicesTrust() throws Exception {
        String token = new DevTokens(settings()).mint("editor-38", "province-editor", List.of("38", "40"),
                Duration.ofHours(2));
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);

        String pem = Files.readString(home.resolve("keys/public.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));

        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"province-editor\"]"), claims);
        assertTrue(claims.contains("\"provinces\":[\"38\",\"40\"]"), claims);
        assertTrue(claims.contains("\"iss\":\"" + DevTokens.ISSUER + "\""), claims);
        long iat = Long.parseLong(claims.replaceAll(".*\"iat\":(\\d+).*", "$1"));
        long exp = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertEquals(7200, exp - iat);
    }

    @Test
    void theKeyPairSurvivesRestartsSoEarlierTokensStayValid() throws Exception {
        DevTokens tokens = new DevTokens(settings());
        tokens.ensureKeyPair();
        String before = Files.readString(home.resolve("keys/public.pem"));
        new DevTokens(settings()).ensureKeyPair();
        assertEquals(before, Files.readString(home.resolve("keys/public.pem")));
    }

    @Test
    void anUnknownRoleIsRefused() {
        DevstackException refused = assertThrows(DevstackException.class,
                () -> new DevTokens(settings()).mint("x", "superuser", List.of(), Duration.ofHours(1)));
        assertTrue(refused.getMessage().contains("admin"));
        assertFalse(Files.exists(home.resolve("keys/private.pem")), "no key pair made for a refused token");
    }
}
