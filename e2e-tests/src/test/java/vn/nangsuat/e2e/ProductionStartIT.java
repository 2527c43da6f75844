package vn.nangsuat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A production start (the packaged application, no profile) without its secrets stops at once and says which
 * variables it lacks: development's key, issuer and passwords are never production's defaults.
 */
class ProductionStartIT {

    @ParameterizedTest(name = "{0} without its secrets")
    @CsvSource({
        "province-service, JWT_ISSUER JWT_PUBLIC_KEY_LOCATION DB_PASSWORD",
        "indicator-service, JWT_ISSUER JWT_PUBLIC_KEY_LOCATION DB_PASSWORD",
        "plan-service, JWT_ISSUER JWT_PUBLIC_KEY_LOCATION DB_PASSWORD",
        "gateway, JWT_ISSUER JWT_PUBLIC_KEY_LOCATION"})
    void stopsAtOnceNamingEachMissingVariable(String module, String missing) throws Exception {
        Path root = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();
        Path log = Files.createTempFile(module, ".log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", root.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        for (String variable : List.of("JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "DB_PASSWORD", "QUARKUS_PROFILE")) {
            builder.environment().remove(variable);
        }
        // Ports nobody uses, so a start that wrongly went on would not take the running system's.
        builder.environment().put("HTTP_PORT", "18099");
        builder.environment().put("MANAGEMENT_PORT", "19099");
        builder.environment().put("LOG_JSON", "false");
        Process process = builder.start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(exited, module + " did not stop within 30 s:\n" + output);
        assertEquals(1, process.exitValue(), output);
        for (String variable : missing.split(" ")) {
            assertTrue(output.contains("Failed to load config value of type class java.lang.String for: " + variable),
                    module + " did not name " + variable + ":\n" + output);
        }
        assertFalse(output.contains("Listening on"), module + " served without its secrets:\n" + output);
        Files.deleteIfExists(log);
    }
}
