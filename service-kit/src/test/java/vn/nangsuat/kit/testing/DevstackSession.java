package vn.nangsuat.kit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes a module's tests run against a real MariaDB and Kafka: when the test session opens and devstack is
 * not up, it starts devstack (and stops it when the session closes); a devstack that is already up, from
 * `devstack up` or another run, is used as it is. Registered through META-INF/services, so every test of a
 * module that depends on the service-kit test-jar gets it, from Maven or from an IDE.
 */
public class DevstackSession implements LauncherSessionListener {

    private boolean startedHere;
    private Path jar;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("false".equals(System.getProperty("devstack.autostart"))) {
            return;
        }
        Path root = projectRoot();
        jar = root.resolve("devstack/target/devstack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests from the project root"
                    + " (mvn verify), which builds devstack first");
        }
        if (run(jar, "status") != 0) {
            if (run(jar, "up") != 0) {
                throw new IllegalStateException("devstack up failed; see its output above");
            }
            startedHere = true;
        }
        String home = System.getenv().getOrDefault("DEVSTACK_HOME", root.resolve(".devstack").toString());
        System.setProperty("devstack.home", home);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (startedHere) {
            run(jar, "down");
            startedHere = false;
        }
    }

    /** Runs a devstack command (`stop-kafka`, say) and returns its exit code; its output goes to the test log. */
    public static int devstack(String command) {
        return run(projectRoot().resolve("devstack/target/devstack.jar"), command);
    }

    private static int run(Path jar, String command) {
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            // Output through System.out, not inherited: surefire owns the forked JVM's standard streams.
            Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), command))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("devstack " + command + " did not finish in 180 s");
            }
            if (!"status".equals(command) || process.exitValue() == 0) {
                System.out.println("devstack " + command + ":\n" + output);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run devstack " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running devstack " + command, e);
        }
    }

    /** The project root: given by the build (nangsuat.root), else the nearest folder above with devstack/. */
    static Path projectRoot() {
        String configured = System.getProperty("nangsuat.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "devstack"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("devstack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (a folder with devstack/) above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
