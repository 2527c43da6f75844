package vn.nangsuat.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Starting detached processes, tracking them by pid file, and waiting on ports and logs. */
final class Processes {

    private Processes() {
    }

    /**
     * Starts a process in its own session (setsid), so that it outlives the command that started it and a
     * Ctrl-C meant for that command does not reach it; output goes to the log file.
     */
    static Process startDetached(List<String> command, Path workDir, Path log, Map<String, String> env) {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            List<String> full = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
                full.add("setsid");
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new DevstackException("cannot start " + command.get(0) + ": " + e.getMessage());
        }
    }

    static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<ProcessHandle> running(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops the process named by the pid file (TERM, then KILL after the grace period) and removes the file. */
    static boolean stop(Path pidFile, Duration grace) {
        Optional<ProcessHandle> handle = running(pidFile);
        handle.ifPresent(process -> terminate(process, grace));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handle.isPresent();
    }

    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!waitUntil(() -> !process.isAlive(), grace)) {
            process.destroyForcibly();
            waitUntil(() -> !process.isAlive(), Duration.ofSeconds(5));
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static boolean portFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean waitUntil(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(Duration.ofMillis(100));
        }
        return condition.getAsBoolean();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted");
        }
    }

    static boolean logContains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The java launcher of this JVM, so child JVMs run on the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
