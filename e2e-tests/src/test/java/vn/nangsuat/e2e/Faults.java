package vn.nangsuat.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What the fault suite does to the running system and how it tells that nothing was lost: the tests' devstack driven
 * as an operator drives it (Kafka stopped and started, MariaDB killed with SIGKILL and started), a client writing
 * values through the gateway all the while, and the values compared table to table, indicator-service's against
 * plan-service's replica of them (counts and a checksum).
 */
final class Faults {

    private Faults() {
    }

    /** A devstack command on the tests' devstack: `stop-kafka`, `start-kafka`, `start-db`. */
    static void devstack(String command) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("nangsuat.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                root.resolve("devstack/target/devstack.jar").toString(), command).redirectErrorStream(true);
        builder.environment().putAll(RunningSystem.DEVSTACK);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("devstack " + command + " failed: " + output);
        }
    }

    /** SIGKILL to the tests' MariaDB: no shutdown, no flush by the server; every connection simply drops. */
    static void killDatabase() throws Exception {
        Path pidFile = Path.of(RunningSystem.DEVSTACK.get("DEVSTACK_HOME"), "mariadb", "mariadb.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("MariaDB " + pid + " is not running"));
        server.destroyForcibly();
        server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** A monthly count of the fault suite's own, so each scenario's values are apart from every other test's. */
    static String monthlyIndicator(String token, String code) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("code", code, "name", "Fault " + code,
                        "nameVi", "Sự cố " + code, "unit", "count", "periodicity", "MONTH", "decimals", 0, "better", "HIGHER",
                        "aggregation", "ADDITIVE", "overTime", "FLOW", "description", "Written by the e2e fault suite"))
                .when().post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    /** A count of rows and a checksum of (unit, period, revision, value) over them. */
    record Sum(long rows, long checksum) {
    }

    /** The current revision of each value of the indicator, as indicator-service stores it. */
    static Sum stored(String indicator) throws SQLException {
        return sum("indicator", "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', unit_code, period, revision, value))), 0)"
                + " FROM observation o WHERE indicator_code = ? AND revision = (SELECT MAX(revision) FROM observation p"
                + " WHERE p.unit_code = o.unit_code AND p.indicator_code = o.indicator_code AND p.period = o.period)", indicator);
    }

    /** The same as plan-service's replica holds it. */
    static Sum replicated(String indicator) throws SQLException {
        return sum("plan", "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', unit_code, period, revision, value))), 0)"
                + " FROM observation_replica WHERE indicator_code = ?", indicator);
    }

    /** A value as indicator-service keeps it: how many revisions, and the latest's value. */
    record Kept(int revisions, int value) {
    }

    /** Each value of the indicator indicator-service keeps, by "unit period". */
    static Map<String, Kept> kept(String indicator) throws SQLException {
        try (Connection connection = database("indicator");
                PreparedStatement query = connection.prepareStatement("SELECT unit_code, period, COUNT(*), MAX(value)"
                        + " FROM observation WHERE indicator_code = ? GROUP BY unit_code, period")) {
            query.setString(1, indicator);
            Map<String, Kept> kept = new java.util.TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    kept.put(rows.getString(1) + " " + rows.getString(2), new Kept(rows.getInt(3), rows.getInt(4)));
                }
            }
            return kept;
        }
    }

    /**
     * After a fault is over: every application ready again (nothing restarted but what the fault stopped), every
     * acknowledged write kept once with its value, nothing kept that was not acknowledged (or refused with a 503 as
     * its connection dropped: such a write may have committed), plan-service's replica equal to what indicator-service
     * keeps, and no event parked or waiting. Returns how long from {@code since} until all of it held.
     */
    static Duration assertNothingLost(String indicator, Writer writes, long setAsideBefore, Instant since)
            throws Exception {
        await("every application ready", Duration.ofSeconds(120), Faults::allReady);
        await("plan-service's replica of " + indicator + " equals what indicator-service keeps", Duration.ofSeconds(120),
                () -> replicaConverged(indicator));
        Duration recovery = Duration.between(since, Instant.now());
        List<String> unexpected = writes.unexpected();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), unexpected.subList(0, Math.min(3, unexpected.size())),
                unexpected.size() + " writes neither acknowledged nor refused with a 503");
        Map<String, Kept> kept = kept(indicator);
        for (Map.Entry<String, Integer> write : writes.acknowledged().entrySet()) {
            org.junit.jupiter.api.Assertions.assertEquals(new Kept(1, write.getValue()), kept.get(write.getKey()),
                    write.getKey() + ": an acknowledged write is kept once, as written");
        }
        Set<String> unaccounted = new java.util.TreeSet<>(kept.keySet());
        unaccounted.removeAll(writes.acknowledged().keySet());
        unaccounted.removeAll(writes.refused());
        org.junit.jupiter.api.Assertions.assertEquals(Set.of(), unaccounted, "only what was written is kept");
        org.junit.jupiter.api.Assertions.assertEquals(setAsideBefore, setAside(), "no event parked or waiting");
        return recovery;
    }

    private static Sum sum(String schema, String sql, String indicator) throws SQLException {
        try (Connection connection = database(schema); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, indicator);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Sum(row.getLong(1), row.getLong(2));
            }
        }
    }

    private static Connection database(String schema) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + RunningSystem.DEVSTACK.get("DEVSTACK_DB_PORT") + "/"
                + schema + "?sslMode=DISABLED", schema, schema + "-dev");
    }

    /** Events parked or waiting for a replay, summed over indicator-service's and plan-service's consumers. */
    static long setAside() {
        long total = 0;
        for (int port : List.of(8082, 8083)) {
            Map<String, Object> events = given().port(RunningSystem.managementPort(port)).when().get("/q/health/ready")
                    .then().extract().jsonPath().getMap("checks.find { it.name == 'Events' }.data");
            for (Map.Entry<String, Object> detail : events.entrySet()) {
                if (detail.getKey().endsWith(" deadLettered")) {
                    total += ((Number) detail.getValue()).longValue();
                } else if (detail.getKey().endsWith(" waitingForReplay") && !"none".equals(detail.getValue())) {
                    total += 1_000_000;
                }
            }
        }
        return total;
    }

    /** Waits until the condition holds; how long it took. */
    static Duration await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant start = Instant.now();
        while (!condition.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(200);
        }
        return Duration.between(start, Instant.now());
    }

    /** Whether every application of the system answers its readiness probe with 200. */
    static boolean allReady() {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        return RunningSystem.SERVICE_PORTS.stream().allMatch(port -> RunningSystem.ready(http, port));
    }

    /** Whether plan-service's replica holds what indicator-service stores of the indicator, value for value. */
    static boolean replicaConverged(String indicator) {
        try {
            return stored(indicator).equals(replicated(indicator));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A client writing a new value of the indicator through the gateway, one after another (each month of each unit,
     * from 2009-01, the first whole year the units are modelled for), until closed, as a provincial system pushes its figures. It keeps what was acknowledged (200,
     * 201), what was refused with a 503 (the database away: nothing changed, retry later), and anything else.
     */
    static final class Writer implements AutoCloseable {

        private final String token;
        private final String indicator;
        private final List<String> units;
        private final Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        private final Set<String> refused = ConcurrentHashMap.newKeySet();
        private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean running = true;

        private Writer(String token, String indicator, List<String> units) {
            this.token = token;
            this.indicator = indicator;
            this.units = units;
            this.thread = new Thread(this::write, "fault-suite-writer");
        }

        static Writer start(String token, String indicator) {
            List<String> units = given().queryParam("asOf", "2019-12-31").queryParam("size", 100).when()
                    .get("/api/v1/provinces").then().statusCode(200).extract().jsonPath().getList("items.code");
            Writer writer = new Writer(token, indicator, units);
            writer.thread.start();
            return writer;
        }

        private void write() {
            int written = 0;
            for (int year = 2009; year <= 2024 && running; year++) {
                for (int month = 1; month <= 12 && running; month++) {
                    for (int u = 0; u < units.size() && running; u++) {
                        String period = year + "-" + (month < 10 ? "0" : "") + month;
                        String key = units.get(u) + " " + period;
                        int value = ++written;
                        int status;
                        String body;
                        do {  // a 429 (the gateway's rate limit) is waited out and sent again, as the client is told
                            try {
                                var answer = given().auth().oauth2(token).contentType("application/json")
                                        .body(Map.of("value", value, "status", "OFFICIAL", "source", "e2e fault suite"))
                                        .when().put("/api/v1/observations/{unit}/{indicator}/{period}", units.get(u),
                                                indicator, period);
                                status = answer.statusCode();
                                body = answer.asString();
                                if (status == 429) {
                                    sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))));
                                }
                            } catch (RuntimeException e) {
                                status = 0;
                                body = e.toString();
                            }
                        } while (status == 429 && running);
                        if (status == 200 || status == 201) {
                            acknowledged.put(key, value);
                        } else if (status == 503 && body.contains("\"status\":503")) {
                            refused.add(key);
                        } else {
                            unexpected.add(key + ": " + status + " " + body);
                        }
                    }
                }
            }
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until at least {@code count} writes were acknowledged. */
        void awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
            await(count + " writes acknowledged (" + acknowledged.size() + " so far, " + refused.size() + " refused, "
                    + unexpected.size() + " unexpected)", timeout, () -> acknowledged.size() >= count || !thread.isAlive());
        }

        int acknowledgedCount() {
            return acknowledged.size();
        }

        Map<String, Integer> acknowledged() {
            return Map.copyOf(acknowledged);
        }

        Set<String> refused() {
            return Set.copyOf(refused);
        }

        List<String> unexpected() {
            return List.copyOf(unexpected);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(60_000);
        }
    }
}
