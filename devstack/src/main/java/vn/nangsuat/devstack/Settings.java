package vn.nangsuat.devstack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where devstack keeps its state and which ports it binds, read once from environment variables so that
 * the same defaults hold for the CLI, the tests and the run command.
 */
record Settings(
        Path projectRoot,
        Path home,
        String host,
        int dbPort,
        int kafkaPort,
        int kafkaControllerPort,
        ExternalDb externalDb,
        List<String> serviceSchemas) {

    /** The schemas, one per service; each gets a user of the same name. */
    static final List<String> SCHEMAS = List.of("province", "indicator", "plan");

    /** An operator's own MySQL-compatible server, used instead of the embedded MariaDB. */
    record ExternalDb(String adminUrl, String adminUser, String adminPassword) {
    }

    static Settings fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path root = locateProjectRoot();
        Path home = Path.of(env.getOrDefault("DEVSTACK_HOME", root.resolve(".devstack").toString())).toAbsolutePath();
        ExternalDb external = null;
        if (env.containsKey("DEVSTACK_DB_ADMIN_URL")) {
            external = new ExternalDb(env.get("DEVSTACK_DB_ADMIN_URL"),
                    env.getOrDefault("DEVSTACK_DB_ADMIN_USER", "root"),
                    env.getOrDefault("DEVSTACK_DB_ADMIN_PASSWORD", ""));
        }
        return new Settings(root, home, "127.0.0.1",
                intEnv(env, "DEVSTACK_DB_PORT", 3307),
                intEnv(env, "DEVSTACK_KAFKA_PORT", 19092),
                intEnv(env, "DEVSTACK_KAFKA_CONTROLLER_PORT", 19093),
                external, SCHEMAS);
    }

    String jdbcUrl(String schema) {
        if (externalDb != null) {
            return externalDb.adminUrl().replaceAll("/[^/?]*(\\?|$)", "/" + schema + "$1");
        }
        return "jdbc:mysql://" + host + ":" + dbPort + "/" + schema;
    }

    String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    /** The development password of a service's database user; a local server on loopback only. */
    static String devPassword(String schema) {
        return schema + "-dev";
    }

    Path logs() {
        return home.resolve("logs");
    }

    Path keys() {
        return home.resolve("keys");
    }

    Path publicKey() {
        return keys().resolve("public.pem");
    }

    /** The jar devstack runs from: the broker JVM is started from the same jars. */
    static Path ownJar() {
        try {
            return Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** devstack/target/devstack.jar (or devstack/target/classes) lies three levels below the project root. */
    private static Path locateProjectRoot() {
        String configured = System.getenv("NANGSUAT_ROOT");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        Path candidate = ownJar().toAbsolutePath().getParent().getParent().getParent();
        if (Files.exists(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("devstack"))) {
            return candidate;
        }
        return Path.of("").toAbsolutePath();
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DevstackException(name + " must be a port number, not '" + value + "'");
        }
    }
}
