package vn.nangsuat.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A second instance of the packaged indicator-service beside the running system's (same schema, same broker), so a
 * test can kill it with SIGKILL mid-work without the supervisor stopping the whole system.
 */
final class SecondIndicatorService implements AutoCloseable {

    static final int PORT = 8092;

    private final Process process;

    private SecondIndicatorService(Process process) {
        this.process = process;
    }

    static SecondIndicatorService start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(RunningSystem.DEVSTACK.get("DEVSTACK_HOME"));
        Path log = Path.of("target/indicator-service-" + PORT + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-jar", root.resolve("indicator-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HTTP_PORT", Integer.toString(PORT));
        builder.environment().put("HTTP_HOST", "127.0.0.1");
        builder.environment().put("DB_URL", "jdbc:mysql://127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_DB_PORT")
                + "/indicator?sslMode=DISABLED");
        builder.environment().put("DB_USER", "indicator");
        builder.environment().put("DB_PASSWORD", "indicator-dev");
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_KAFKA_PORT"));
        builder.environment().put("JWT_PUBLIC_KEY_LOCATION", home.resolve("keys/public.pem").toString());
        builder.environment().put("JWT_ISSUER", "https://nangsuat.vn/devstack");
        builder.environment().put("IMPORT_STALE_AFTER", "3s");
        builder.environment().put("IMPORT_SPOOL_DIR", Path.of("target/imports-" + PORT).toAbsolutePath().toString());
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!RunningSystem.ready(http, PORT)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("indicator-service on " + PORT + " did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return new SecondIndicatorService(process);
    }

    /** SIGKILL: no shutdown hook, no rollback by the service, the connection simply drops. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }
}
