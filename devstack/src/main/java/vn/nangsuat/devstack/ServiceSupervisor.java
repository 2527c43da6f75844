package vn.nangsuat.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The `run` command: devstack plus the four packaged services, in the foreground. Ctrl-C, SIGTERM or
 * `devstack down` stop the services and whatever infrastructure this run started, and free every port.
 */
final class ServiceSupervisor {

    record Service(String name, String module, int port, String schema) {
        Path jar(Path root) {
            return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }

        /** Health and metrics are served here, never on the API's port: the HTTP port plus 1000 (9081 for 8081). */
        int managementPort() {
            return port + 1000;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("province-service", "province-service", 8081, "province"),
            new Service("indicator-service", "indicator-service", 8082, "indicator"),
            new Service("plan-service", "plan-service", 8083, "plan"),
            new Service("gateway", "gateway", 8080, null));

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Settings settings;
    private final Infrastructure infrastructure;
    private final Map<Service, Process> processes = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean startedInfrastructure;

    ServiceSupervisor(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    Path pidFile() {
        return settings.home().resolve("system.pid");
    }

    int run() {
        Instant begin = Instant.now();
        for (Service service : SERVICES) {
            if (!Files.isRegularFile(service.jar(settings.projectRoot()))) {
                throw new DevstackException(service.jar(settings.projectRoot())
                        + " is missing: build first with `mvn -DskipTests package` (./nangsuat run does)");
            }
            if (!Processes.portFree(settings.host(), service.port())) {
                throw new DevstackException("port " + service.port() + " (" + service.name()
                        + ") is taken by another process; is the system already running? (./nangsuat stop)");
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "devstack-stop"));
        Processes.writePid(pidFile(), ProcessHandle.current().pid());

        // Set before up(): a Ctrl-C during the start must still stop what started. up() is safe when all is up.
        startedInfrastructure = !infrastructure.ready();
        System.out.println(startedInfrastructure ? "starting MariaDB and Kafka ..." : "MariaDB and Kafka already up: reusing them");
        infrastructure.up();
        for (Service service : SERVICES) {
            processes.put(service, start(service));
        }
        for (Service service : SERVICES) {
            awaitReady(service);
        }
        long seconds = Duration.between(begin, Instant.now()).toSeconds();
        System.out.println();
        System.out.println("Nang suat backend is up (" + seconds + " s)");
        System.out.println("  API          http://localhost:8080/api/v1/provinces");
        System.out.println("  Swagger UI   http://localhost:8080/q/swagger-ui");
        System.out.println("  OpenAPI      http://localhost:8080/openapi.json");
        System.out.println("  logs         " + settings.logs());
        System.out.println("Stop with Ctrl-C, or `./nangsuat stop` from another terminal.");
        return waitForExit();
    }

    /**
     * A heap of at most 256 MB that starts small, grows as the load needs (when less than 40 % is free after a
     * collection, so a burst of events is not spent in full collections) and is given back once the service is idle
     * (service-kit's IdleHeapRelease; at once, not in steps), and malloc's freed memory given back every 5 s (a JDK 17
     * before 17.0.9 does not know that option and ignores it): what a service holds after a load goes back to the system.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=40"
            + " -XX:MaxHeapFreeRatio=70 -XX:-ShrinkHeapInSteps -XX:+IgnoreUnrecognizedVMOptions"
            + " -XX:TrimNativeHeapInterval=5000";

    private Process start(Service service) {
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        String javaOpts = System.getenv().getOrDefault("SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS);
        for (String option : javaOpts.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(service.jar(settings.projectRoot()).toString());
        Map<String, String> env = new HashMap<>();
        // glibc's malloc keeps an arena per thread that ever allocated: two bound the memory the JVM does not track.
        env.put("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        env.put("HTTP_PORT", Integer.toString(service.port()));
        env.put("MANAGEMENT_PORT", Integer.toString(service.managementPort()));
        env.put("HTTP_HOST", settings.host());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("JWT_PUBLIC_KEY_LOCATION", settings.publicKey().toString());
        env.put("JWT_ISSUER", DevTokens.ISSUER);
        if (service.schema() != null) {
            env.put("DB_URL", settings.jdbcUrl(service.schema()) + "?sslMode=DISABLED");
            env.put("DB_USER", service.schema());
            env.put("DB_PASSWORD", Settings.devPassword(service.schema()));
        } else {
            for (Service upstream : SERVICES) {
                if (upstream.schema() != null) {
                    env.put(upstream.schema().toUpperCase() + "_SERVICE_URL", "http://127.0.0.1:" + upstream.port());
                    env.put(upstream.schema().toUpperCase() + "_SERVICE_MANAGEMENT_PORT",
                            Integer.toString(upstream.managementPort()));
                }
            }
        }
        Path log = settings.logs().resolve(service.name() + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.projectRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            System.out.println("starting " + service.name() + " on port " + service.port() + " (log: " + log + ")");
            return builder.start();
        } catch (IOException e) {
            throw new DevstackException("cannot start " + service.name() + ": " + e.getMessage());
        }
    }

    private void awaitReady(Service service) {
        Process process = processes.get(service);
        Path log = settings.logs().resolve(service.name() + ".log");
        boolean ready = Processes.waitUntil(() -> !process.isAlive() || isReady(service), READY_TIMEOUT);
        if (!ready || !process.isAlive()) {
            throw new DevstackException(service.name() + " did not become ready on port " + service.port(),
                    Processes.tail(log, 30));
        }
    }

    private boolean isReady(Service service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.managementPort() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until a service dies (then the others are stopped and the run fails) or the JVM is told to stop. */
    private int waitForExit() {
        while (true) {
            Optional<Map.Entry<Service, Process>> dead = processes.entrySet().stream()
                    .filter(entry -> !entry.getValue().isAlive()).findFirst();
            if (dead.isPresent()) {
                Service service = dead.get().getKey();
                System.err.println(service.name() + " exited with code " + dead.get().getValue().exitValue()
                        + "; stopping the rest. Last lines of its log:");
                System.err.println(Processes.tail(settings.logs().resolve(service.name() + ".log"), 30));
                return 1;
            }
            Processes.sleep(Duration.ofMillis(500));
        }
    }

    /** Gateway first, so no request reaches a service that is going away; then the infrastructure this run started. */
    private synchronized void stopAll() {
        List<Service> order = new ArrayList<>(SERVICES);
        Collections.reverse(order);
        for (Service service : order) {
            Process process = processes.remove(service);
            if (process != null && process.isAlive()) {
                Processes.terminate(process.toHandle(), Duration.ofSeconds(20));
            }
        }
        if (startedInfrastructure) {
            infrastructure.down();
            startedInfrastructure = false;
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // the next run overwrites it
        }
        System.out.println("stopped");
    }
}
