package vn.nangsuat.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service whose URL says https is reached over TLS, its certificate checked: province-service behind a self-signed
 * certificate the gateway is told to trust (UPSTREAM_CA_CERTS) is served; plan-service behind a trusted certificate
 * issued to another host name is refused, so a certificate is never taken for a host it does not name.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
@QuarkusTestResource(value = GatewayOverHttpsTest.HttpsServices.class, restrictToAnnotatedClass = true)
class GatewayOverHttpsTest {

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    /** Two services on https with self-signed certificates: one for 127.0.0.1, one for another host. */
    public static class HttpsServices implements QuarkusTestResourceLifecycleManager {

        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            try {
                Path folder = Files.createDirectories(Path.of("target", "https-services"));
                Path right = certificate(folder, "right", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
                Path wrong = certificate(folder, "wrong", "CN=elsewhere.example", "SAN=dns:elsewhere.example");
                Path trusted = folder.resolve("trusted.pem");
                Files.writeString(trusted, Files.readString(folder.resolve("right.pem"))
                        + Files.readString(folder.resolve("wrong.pem")));
                HttpServer[] province = serve(right);
                HttpServer[] plan = serve(wrong);
                return Map.of(
                        "gateway.upstreams.province.url", "https://127.0.0.1:" + province[0].actualPort(),
                        "gateway.upstreams.province.management-port", Integer.toString(province[1].actualPort()),
                        "gateway.upstreams.plan.url", "https://127.0.0.1:" + plan[0].actualPort(),
                        "gateway.upstreams.plan.management-port", Integer.toString(plan[1].actualPort()),
                        "gateway.upstream-ca-certs", trusted.toAbsolutePath().toString());
            } catch (Exception e) {
                throw new IllegalStateException("the https services did not start", e);
            }
        }

        /** A key pair and self-signed certificate made by the JDK's keytool: the keystore, and the certificate as PEM. */
        private static Path certificate(Path folder, String name, String subject, String alternative)
                throws IOException, InterruptedException {
            Path keystore = folder.resolve(name + ".p12");
            Files.deleteIfExists(keystore);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(List.of(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", subject, "-ext", alternative, "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", "changeit", "-keypass", "changeit"));
            run(List.of(keytool, "-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass",
                    "changeit", "-file", folder.resolve(name + ".pem").toString()));
            return keystore;
        }

        private static void run(List<String> command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ":\n" + output);
            }
        }

        /** The API and the management interface of one service, both on https with this certificate. */
        private HttpServer[] serve(Path keystore) {
            HttpServerOptions options = new HttpServerOptions().setSsl(true)
                    .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword("changeit"));
            HttpServer api = vertx.createHttpServer(options).requestHandler(request -> request.response()
                    .putHeader("Content-Type", "application/json").end("{\"over\":\"https\"}"));
            HttpServer management = vertx.createHttpServer(options).requestHandler(request -> request.response()
                    .setStatusCode(request.path().equals("/q/health/ready") ? 200 : 404).end("{\"status\":\"UP\"}"));
            return new HttpServer[] {StandInService.listen(api, "https service"),
                StandInService.listen(management, "https management interface")};
        }

        @Override
        public void stop() {
            vertx.close();
        }
    }

    @Test
    void aServiceOverHttpsWithATrustedCertificateForItsHostIsServed() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200).body("over", equalTo("https"));
        given().baseUri(health.toString()).when().get("/ready")
                .then().statusCode(200).body("checks[0].data.province", equalTo("UP"));
    }

    @Test
    void aCertificateForAnotherHostIsRefused() {
        given().baseUri(health.toString()).when().get("/ready")
                .then().body("checks[0].data.plan", startsWith("DOWN"));
        given().when().get("/api/v1/plans").then().statusCode(503).contentType("application/problem+json");
    }
}
