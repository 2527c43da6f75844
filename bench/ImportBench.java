import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk import measured against the fastest ways the same MariaDB takes the same rows, side by side in one run:
 * the real import (checks, revisions, events) through the gateway; a JDBC batch (rewriteBatchedStatements) into one
 * plain table; LOAD DATA LOCAL INFILE into that table. Then the service's heap high-water mark while it imports a
 * million rows (straight to the service: the gateway holds bodies up to 10 MB).
 *   java -cp <mysql-connector-j.jar> bench/ImportBench.java <admin-token> [rounds] [million-rows: true|false]
 */
public class ImportBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String DB = "jdbc:mysql://127.0.0.1:3307/indicator?sslMode=DISABLED&rewriteBatchedStatements=true"
            + "&allowLoadLocalInfile=true";

    public static void main(String[] args) throws Exception {
        String token = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean million = args.length <= 2 || Boolean.parseBoolean(args[2]);
        List<String> units = units();
        List<String> indicators = indicators(token, 12);
        int months = 132;  // 2014-01 .. 2024-12: 63 units x 12 indicators x 132 months = 99,792 rows
        // Warm-up, as JMH would: the service's JIT compiles the reading path before it is timed. Other periods
        // (2009-2013), so round 1 still adds every value.
        importAndWait("http://127.0.0.1:8080", token, csv(units, indicators, 2009, 60, 0));
        double[] service = new double[rounds];
        double[] batch = new double[rounds];
        double[] load = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            byte[] csv = csv(units, indicators, 2014, months, round);
            int rows = units.size() * indicators.size() * months;
            long start = System.nanoTime();
            String answer = importAndWait("http://127.0.0.1:8080", token, csv);
            service[round] = rows / seconds(start);
            stagedRowsCleared();  // the service clears them after answering: not while the plain loads are timed
            batch[round] = plainBatch(units, indicators, 2014, months, round);
            load[round] = plainLoad(csv);
            System.out.printf("round %d  import via gateway %,.0f rows/s (%s; %s; %s)  JDBC batch %,.0f rows/s  LOAD DATA %,.0f rows/s%n",
                    round + 1, service[round], changes(answer), timings(answer), inService(answer), batch[round], load[round]);
        }
        double s = median(service);
        double b = median(batch);
        double l = median(load);
        System.out.printf("%nmedian of %d rounds, %,d rows each:%n", rounds, units.size() * indicators.size() * months);
        System.out.printf("  import via gateway   %,9.0f rows/s%n  JDBC batch, plain    %,9.0f rows/s   import / batch     %.2f%n"
                + "  LOAD DATA, plain     %,9.0f rows/s   import / LOAD DATA %.2f%n", s, b, s / b, l, s / l);
        seriesLatency(token);
        if (million) {
            heapDuringAMillionRows(token, units);
        }
    }

    /**
     * Ten years of national labour productivity (from provincial GRDP and workers, the 63 units until 2024, the 34 in
     * 2025) and Thái Nguyên's harmonised onto the 34 units: p50 and p99 of each answer, through the gateway.
     */
    static void seriesLatency(String token) throws Exception {
        StringBuilder csv = new StringBuilder("unit,indicator,period,value,status,source\n");
        for (int year = 2016; year <= 2025; year++) {
            for (String unit : unitsOn(year + "-12-31")) {
                int grdp = 50_000 + Integer.parseInt(unit) * 1_000 + (year - 2016) * 2_500;
                int workers = 500 + Integer.parseInt(unit) * 5;
                csv.append(unit).append(",GRDP,").append(year).append(',').append(grdp).append(",OFFICIAL,bench (fictional)\n");
                csv.append(unit).append(",EMPLOYED_WORKERS,").append(year).append(',').append(workers)
                        .append(",OFFICIAL,bench (fictional)\n");
            }
        }
        post("http://127.0.0.1:8080/api/v1/observations/imports", token, csv.toString().getBytes(StandardCharsets.UTF_8), 201);
        String national = "http://127.0.0.1:8080/api/v1/aggregates/series?indicator=LABOUR_PRODUCTIVITY&from=2016&to=2025";
        String harmonized = "http://127.0.0.1:8080/api/v1/observations/harmonized?unit=19&indicator=LABOUR_PRODUCTIVITY"
                + "&from=2016&to=2025&harmonize=2025-07-01";
        for (String[] target : new String[][] {{"national LP 2016-2025", national}, {"Thái Nguyên LP harmonised", harmonized}}) {
            for (int i = 0; i < 50; i++) {
                get(target[1]);  // warm-up
            }
            double[] millis = new double[300];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(target[1])).build(),
                        HttpResponse.BodyHandlers.ofString());
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(target[1] + " answered " + answer.statusCode() + ": " + answer.body());
                }
            }
            java.util.Arrays.sort(millis);
            System.out.printf("%n%-28s p50 %.1f ms  p99 %.1f ms (300 requests, one client, through the gateway)",
                    target[0], millis[150], millis[296]);
        }
        System.out.println();
    }

    static List<String> unitsOn(String date) throws Exception {
        String page = get("http://127.0.0.1:8080/api/v1/provinces?asOf=" + date + "&size=100");
        List<String> codes = new ArrayList<>();
        Matcher code = Pattern.compile("\"code\":\"(\\d{2})\"").matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    /** Imports about a million rows straight to indicator-service while sampling its heap (Prometheus) every 50 ms. */
    static void heapDuringAMillionRows(String token, List<String> units) throws Exception {
        List<String> indicators = indicators(token, 84);
        int months = 192;  // 2009-01 .. 2024-12 (Hà Nội took its form in August 2008): 63 x 84 x 192 = 1,016,064 rows
        byte[] csv = csv(units, indicators, 2009, months, 0);
        AtomicLong highWater = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        long before = heapUsed();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                try {
                    highWater.accumulateAndGet(heapUsed(), Math::max);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        String answer;
        try {
            answer = importAndWait("http://127.0.0.1:8082", token, csv);
        } finally {
            done.set(true);
        }
        double took = seconds(start);
        sampler.join();
        int rows = units.size() * indicators.size() * months;
        System.out.printf("%n%,d rows (%,d MB of CSV) straight to the service in %.1f s (%,.0f rows/s, %s; %s)%n", rows,
                csv.length >> 20, took, rows / took, changes(answer), timings(answer));
        System.out.printf("  heap used before %d MB, high-water during the import %d MB (-Xmx256m)%n", before >> 20,
                highWater.get() >> 20);
    }

    static List<String> units() throws Exception {
        return unitsOn("2024-12-31");
    }

    /** The bench's monthly additive indicators, created when missing. */
    static List<String> indicators(String token, int count) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = "BENCH_MONTHLY_" + i;
            codes.add(code);
            String body = "{\"code\":\"" + code + "\",\"name\":\"Bench " + i + "\",\"nameVi\":\"Bench " + i + "\",\"unit\":\"count\","
                    + "\"periodicity\":\"MONTH\",\"decimals\":2,\"better\":\"HIGHER\",\"aggregation\":\"ADDITIVE\",\"overTime\":\"FLOW\","
                    + "\"description\":\"Rows of bench/ImportBench.java\"}";
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/v1/indicators"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201 && answer.statusCode() != 409) {
                throw new IllegalStateException("creating " + code + ": " + answer.statusCode() + " " + answer.body());
            }
        }
        return codes;
    }

    static byte[] csv(List<String> units, List<String> indicators, int firstYear, int months, int round) {
        StringBuilder csv = new StringBuilder("unit,indicator,period,value,status,source\n");
        for (String unit : units) {
            for (String indicator : indicators) {
                for (int m = 0; m < months; m++) {
                    csv.append(unit).append(',').append(indicator).append(',').append(firstYear + m / 12).append('-')
                            .append(m % 12 < 9 ? "0" : "").append(m % 12 + 1).append(',').append(round * 1000 + m)
                            .append(".25,PRELIMINARY,bench\n");
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static double plainBatch(List<String> units, List<String> indicators, int firstYear, int months, int round)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(DB, "indicator", "indicator-dev")) {
            plainTable(connection);
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_plain_observation"
                    + " (unit_code, indicator_code, period, value, status, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, NOW(6))")) {
                int pending = 0;
                for (String unit : units) {
                    for (String indicator : indicators) {
                        for (int m = 0; m < months; m++) {
                            insert.setString(1, unit);
                            insert.setString(2, indicator);
                            insert.setString(3, (firstYear + m / 12) + "-" + (m % 12 < 9 ? "0" : "") + (m % 12 + 1));
                            insert.setBigDecimal(4, new java.math.BigDecimal((round * 1000 + m) + ".25"));
                            insert.setString(5, "PRELIMINARY");
                            insert.setString(6, "bench");
                            insert.addBatch();
                            if (++pending == 5_000) {
                                insert.executeBatch();
                                pending = 0;
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double rate = units.size() * indicators.size() * months / seconds(start);
            dropPlainTable(connection);
            return rate;
        }
    }

    static double plainLoad(byte[] csv) throws Exception {
        try (Connection connection = DriverManager.getConnection(DB, "indicator", "indicator-dev");
                Statement load = connection.createStatement()) {
            plainTable(connection);
            long start = System.nanoTime();
            load.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(csv));
            long rows = load.executeLargeUpdate("LOAD DATA LOCAL INFILE 'bench.csv' INTO TABLE bench_plain_observation"
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' LINES TERMINATED BY '\\n' IGNORE 1 LINES"
                    + " (unit_code, indicator_code, period, value, status, source) SET recorded_at = NOW(6)");
            double rate = rows / seconds(start);
            dropPlainTable(connection);
            return rate;
        }
    }

    /** The same rows' columns in one plain table with a three-column primary key, as the design's measurement. */
    static void plainTable(Connection connection) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_plain_observation");
            sql.execute("CREATE TABLE bench_plain_observation (unit_code CHAR(2) NOT NULL, indicator_code VARCHAR(40) NOT NULL,"
                    + " period VARCHAR(7) NOT NULL, value DECIMAL(24,6), status VARCHAR(12), source VARCHAR(200),"
                    + " recorded_at TIMESTAMP(6) NOT NULL, PRIMARY KEY (unit_code, indicator_code, period)) ENGINE = InnoDB");
        }
    }

    static void dropPlainTable(Connection connection) throws Exception {
        try (Statement sql = connection.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_plain_observation");
        }
    }

    static long heapUsed() throws Exception {
        long used = 0;
        Matcher heap = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)")
                .matcher(get("http://127.0.0.1:9082/q/metrics"));
        while (heap.find()) {
            used += (long) Double.parseDouble(heap.group(1));
        }
        return used;
    }

    static String post(String url, String token, byte[] body, int expected) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv").header("Prefer", "wait=600")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static void stagedRowsCleared() throws Exception {
        try (Connection connection = DriverManager.getConnection(DB, "indicator", "indicator-dev");
                Statement query = connection.createStatement()) {
            for (int i = 0; i < 600; i++) {
                try (ResultSet rows = query.executeQuery("SELECT EXISTS (SELECT 1 FROM import_row)")) {
                    rows.next();
                    if (!rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** Imports and waits for the job's end: a 201, or a 202 whose job is then polled (a wait is capped at 25 s). */
    static String importAndWait(String base, String token, byte[] csv) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/observations/imports"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Prefer", "wait=600").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        String job = answer.body();
        if (answer.statusCode() == 202) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            URI uri = URI.create(base).resolve(location);
            while (job.contains("\"state\":\"RUNNING\"") || job.contains("\"state\":\"QUEUED\"")) {
                Thread.sleep(100);
                job = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        } else if (answer.statusCode() != 201) {
            throw new IllegalStateException("the import answered " + answer.statusCode() + ": " + job);
        }
        if (!job.contains("\"state\":\"SUCCEEDED\"")) {
            throw new IllegalStateException("the import did not succeed: " + job);
        }
        return job;
    }

    /** From the job's submission (its body spooled) to its end, in the service: the rest is HTTP and the gateway. */
    static String inService(String job) {
        Matcher submitted = Pattern.compile("\"submittedAt\":\"([^\"]+)\"").matcher(job);
        Matcher finished = Pattern.compile("\"finishedAt\":\"([^\"]+)\"").matcher(job);
        if (!submitted.find() || !finished.find()) {
            return "?";
        }
        return Duration.between(java.time.Instant.parse(submitted.group(1)), java.time.Instant.parse(finished.group(1)))
                .toMillis() + " ms in the service";
    }

    static String timings(String job) {
        Matcher timings = Pattern.compile("\"timings\":\\{([^}]*)\\}").matcher(job);
        return timings.find() ? timings.group(1).replace("\"", "") : "?";
    }

    static String changes(String job) {
        Matcher changes = Pattern.compile("\"changes\":\\{([^}]*)\\}").matcher(job);
        return changes.find() ? changes.group(1).replace("\"", "") : "?";
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
