package vn.nangsuat.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A packaged application started beside the running system's, on a port of its own, so a test can kill it or give
 * it another setting without the supervisor stopping the whole system: a second indicator-service (same schema, same
 * broker) to kill with SIGKILL mid-work, a second indicator-service and plan-service started late, or a second gateway
 * in front of the running services with one of them stopped.
 */
final class ExtraInstance implements AutoCloseable {

    static final int PROVINCE_SERVICE_PORT = 8091;
    static final int INDICATOR_SERVICE_PORT = 8092;
    static final int PLAN_SERVICE_PORT = 8093;
    static final int GATEWAY_PORT = 8090;

    private final Process process;

    private ExtraInstance(Process process) {
        this.process = process;
    }

    static ExtraInstance indicatorService() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", "jdbc:mysql://127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_DB_PORT")
                + "/indicator?sslMode=DISABLED");
        env.put("DB_USER", "indicator");
        env.put("DB_PASSWORD", "indicator-dev");
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_KAFKA_PORT"));
        env.put("IMPORT_STALE_AFTER", "3s");
        env.put("IMPORT_SPOOL_DIR", Path.of("target/imports-" + INDICATOR_SERVICE_PORT).toAbsolutePath().toString());
        return start("indicator-service", INDICATOR_SERVICE_PORT, env);
    }

    /** A second province-service: same schema, same broker; its relay waits for the lease the running one holds. */
    static ExtraInstance provinceService() throws IOException, InterruptedException {
        return start("province-service", PROVINCE_SERVICE_PORT, Map.of(
                "DB_URL", "jdbc:mysql://127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_DB_PORT")
                        + "/province?sslMode=DISABLED",
                "DB_USER", "province", "DB_PASSWORD", "province-dev",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_KAFKA_PORT")));
    }

    /** A second plan-service: same schema, same broker, its consumers sharing the running one's groups. */
    static ExtraInstance planService() throws IOException, InterruptedException {
        return planService(Map.of());
    }

    /** The same with settings of its own, e.g. a shorter Kafka session (`KAFKA_SESSION_TIMEOUT_MS`). */
    static ExtraInstance planService(Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of(
                "DB_URL", "jdbc:mysql://127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_DB_PORT") + "/plan?sslMode=DISABLED",
                "DB_USER", "plan", "DB_PASSWORD", "plan-dev",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_KAFKA_PORT")));
        env.putAll(settings);
        return start("plan-service", PLAN_SERVICE_PORT, env);
    }

    /** The packaged gateway in front of the running province- and indicator-service; plan-service's port is closed. */
    static ExtraInstance gatewayWithPlanServiceStopped() throws IOException, InterruptedException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        return start("gateway", GATEWAY_PORT, Map.of("PROVINCE_SERVICE_URL", "http://127.0.0.1:8081",
                "PROVINCE_SERVICE_MANAGEMENT_PORT", Integer.toString(RunningSystem.managementPort(8081)),
                "INDICATOR_SERVICE_URL", "http://127.0.0.1:8082",
                "INDICATOR_SERVICE_MANAGEMENT_PORT", Integer.toString(RunningSystem.managementPort(8082)),
                "PLAN_SERVICE_URL", "http://127.0.0.1:" + closed, "PLAN_SERVICE_MANAGEMENT_PORT", Integer.toString(closed)));
    }

    /** A second gateway in front of two instances of each service: the running one's and the extra one's. */
    static ExtraInstance gatewayOverTwoInstancesEach() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        for (Map.Entry<String, int[]> service : Map.of("PROVINCE", new int[] {8081, PROVINCE_SERVICE_PORT},
                "INDICATOR", new int[] {8082, INDICATOR_SERVICE_PORT}, "PLAN", new int[] {8083, PLAN_SERVICE_PORT})
                .entrySet()) {
            int[] ports = service.getValue();
            env.put(service.getKey() + "_SERVICE_URL", "http://127.0.0.1:" + ports[0] + ",http://127.0.0.1:" + ports[1]);
            env.put(service.getKey() + "_SERVICE_MANAGEMENT_PORT",
                    RunningSystem.managementPort(ports[0]) + "," + RunningSystem.managementPort(ports[1]));
        }
        env.put("RATE_LIMIT_PER_SECOND", "0");
        return start("gateway", GATEWAY_PORT, env);
    }

    /** A second gateway in front of the running services, with indicator-service's two instances (this one's too). */
    static ExtraInstance gatewayOverTwoIndicatorServices() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("PROVINCE_SERVICE_URL", "http://127.0.0.1:8081");
        env.put("PROVINCE_SERVICE_MANAGEMENT_PORT", Integer.toString(RunningSystem.managementPort(8081)));
        env.put("INDICATOR_SERVICE_URL", "http://127.0.0.1:8082,http://127.0.0.1:" + INDICATOR_SERVICE_PORT);
        env.put("INDICATOR_SERVICE_MANAGEMENT_PORT", RunningSystem.managementPort(8082) + ","
                + RunningSystem.managementPort(INDICATOR_SERVICE_PORT));
        env.put("PLAN_SERVICE_URL", "http://127.0.0.1:8083");
        env.put("PLAN_SERVICE_MANAGEMENT_PORT", Integer.toString(RunningSystem.managementPort(8083)));
        env.put("RATE_LIMIT_PER_SECOND", "0");
        return start("gateway", GATEWAY_PORT, env);
    }

    private static ExtraInstance start(String module, int port, Map<String, String> env)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(RunningSystem.DEVSTACK.get("DEVSTACK_HOME"));
        Path log = Path.of("target/" + module + "-" + port + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-jar", root.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(RunningSystem.managementPort(port)));
        builder.environment().put("HTTP_HOST", "127.0.0.1");
        builder.environment().put("JWT_PUBLIC_KEY_LOCATION", home.resolve("keys/public.pem").toString());
        builder.environment().put("JWT_ISSUER", "https://nangsuat.vn/devstack");
        builder.environment().putAll(env);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!RunningSystem.ready(http, port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException(module + " on " + port + " did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        return new ExtraInstance(process);
    }

    /** SIGKILL: no shutdown hook, no rollback by the application, the connection simply drops. */
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
