package vn.nangsuat.kit.testing;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.util.List;

/** Bearer tokens signed with devstack's development key, which the services trust in the test profile. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return token("admin");
    }

    public static String editor(String... provinces) {
        return token("province-editor", provinces);
    }

    public static String token(String role, String... provinces) {
        Path home = Path.of(System.getProperty("devstack.home",
                DevstackSession.projectRoot().resolve(".devstack").toString()));
        return Jwt.issuer("https://nangsuat.vn/devstack")
                .upn("test-" + role)
                .groups(role)
                .claim("provinces", List.of(provinces))
                .expiresIn(3600)
                .sign(home.resolve("keys/private.pem").toString());
    }
}
