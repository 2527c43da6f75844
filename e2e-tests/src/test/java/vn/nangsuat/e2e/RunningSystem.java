package vn.nangsuat.e2e;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system started the way a developer starts it, `devstack run` on the packaged jars, and stopped
 * the way Ctrl-C stops it (SIGTERM to the supervisor).
 */
final class RunningSystem {

    static final int GATEWAY = 8080;
    static final List<Integer> SERVICE_PORTS = List.of(8080, 8081, 8082, 8083);
    /** The services behind the gateway, by the name the gateway knows them by, and their ports. */
    static final Map<String, Integer> SERVICES = Map.of("province", 8081, "indicator", 8082, "plan", 8083);
    /** A devstack of the tests' own (state, ports), so a run starts from nothing and leaves a developer's alone. */
    static final Map<String, String> DEVSTACK = Map.of(
            "DEVSTACK_HOME", Path.of("target/e2e-devstack").toAbsolutePath().toString(),
            "DEVSTACK_DB_PORT", "3317",
            "DEVSTACK_KAFKA_PORT", "19192",
            "DEVSTACK_KAFKA_CONTROLLER_PORT", "19193");
    static final List<Integer> INFRASTRUCTURE_PORTS = List.of(3317, 19192, 19193);

    private final Process process;
    private final Path log;
    final Duration startup;

    private RunningSystem(Process process, Path log, Duration startup) {
        this.process = process;
        this.log = log;
        this.startup = startup;
    }

    /** Started with these variables set for devstack and every application it starts (none: as a developer does). */
    static RunningSystem start(Map<String, String> settings) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("devstack/target/devstack.jar");
        Path log = Path.of("target/system-run.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        for (int port : SERVICE_PORTS) {
            if (!portFree(port)) {
                throw new IllegalStateException("port " + port + " is taken: stop the running system first (./nangsuat stop)");
            }
        }
        deleteRecursively(Path.of(DEVSTACK.get("DEVSTACK_HOME")));
        Instant begin = Instant.now();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString(), "run")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(DEVSTACK);
        builder.environment().putAll(settings);
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = begin.plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("devstack run exited with " + process.exitValue() + ":\n" + read(log));
            }
            if (Files.exists(log) && read(log).contains("Nang suat backend is up") && ready(http, GATEWAY)) {
                return new RunningSystem(process, log, Duration.between(begin, Instant.now()));
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IllegalStateException("the system was not ready within 240 s:\n" + read(log));
    }

    /** A development token from the tests' devstack, as `./nangsuat token` prints one. */
    static String token(String... options) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(java(), "-jar",
                root.resolve("devstack/target/devstack.jar").toString(), "token"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(DEVSTACK);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("devstack token failed: " + output);
        }
        return output;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Stops the system as Ctrl-C would and returns the supervisor's exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("devstack run did not stop within 90 s:\n" + read(log));
        }
        return process.exitValue();
    }

    String log() {
        return read(log);
    }

    /** Where an application started on this HTTP port serves health and metrics (as devstack starts them). */
    static int managementPort(int port) {
        return port + 1000;
    }

    static boolean ready(HttpClient http, int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort(port) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A service's own OpenAPI document, as the gateway fetches it to merge. */
    static JsonNode serviceContract(int port) throws IOException {
        return new ObjectMapper().readTree(given().port(managementPort(port)).accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }
}
