package vn.nangsuat.indicator.imports;

import com.mysql.cj.jdbc.JdbcStatement;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Consumer;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.rules.Period;

/**
 * The set operations of an import, in SQL: its valid rows are loaded into `import_row` (LOAD DATA LOCAL INFILE, the
 * fastest way in), then merged into `observation` by a few statements over all rows at once, never row by row.
 */
@ApplicationScoped
class Staging {

    /** Instants are written in UTC, as Hibernate writes them, whatever the JVM's time zone. */
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /** Another row of the job with the same unit, indicator and period as the row `s`. */
    private static final String OTHER_LINE = "(SELECT 1 FROM import_row d WHERE d.job_id = s.job_id"
            + " AND d.unit_code = s.unit_code AND d.indicator_code = s.indicator_code AND d.period = s.period"
            + " AND d.line <> s.line)";
    /** Rows of import_row that no other row of the job repeats (same unit, indicator and period). */
    private static final String ALONE = " AND NOT EXISTS " + OTHER_LINE;
    private static final String SAME_KEY = "o.unit_code = s.unit_code AND o.indicator_code = s.indicator_code"
            + " AND o.period = s.period";
    /** `o` is the latest revision of its value: no revision follows it (revisions are numbered without gaps). */
    private static final String LATEST = "NOT EXISTS (SELECT 1 FROM observation n WHERE n.unit_code = o.unit_code"
            + " AND n.indicator_code = o.indicator_code AND n.period = o.period AND n.revision = o.revision + 1)";
    /** `o`'s key is one a row of the job gave but failed its checks on: a replace leaves that value as it was. */
    private static final String NOT_KEPT = " AND NOT EXISTS (SELECT 1 FROM import_kept_key k WHERE k.job_id = ?"
            + " AND k.unit_code = o.unit_code AND k.indicator_code = o.indicator_code AND k.period = o.period)";
    /** The latest revision `o` says what the row `s` says: writing it again would add a revision that changes nothing. */
    private static final String SAME_VALUE = "o.value <=> s.value AND o.status <=> s.status"
            + " AND BINARY o.source <=> BINARY s.source AND BINARY o.note <=> BINARY s.note";

    /** What a merge changed, or a dry run would change. */
    record Changes(long added, long revised, long unchanged, long deleted) {
    }

    /** A duplicated key: the lines that give a value for the same unit, indicator and period. */
    record Duplicate(String unit, String indicator, String period, List<Long> lines) {
    }

    /** A revision an import wrote (a tombstone: no value, no status), for its events. */
    record Written(String unit, String indicator, String period, int revision, BigDecimal value, String status) {
    }

    private final AgroalDataSource dataSource;
    private final IndicatorCatalog indicators;

    Staging(AgroalDataSource dataSource, IndicatorCatalog indicators) {
        this.dataSource = dataSource;
        this.indicators = indicators;
    }

    /**
     * Loads the job's valid rows as {@link StagedRows} writes them, while they are written (the stream is the read end
     * of a pipe); outside any transaction, autocommitted.
     */
    void load(String job, InputStream rows) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement load = connection.createStatement()) {
            // The driver sends this stream whatever file name the statement gives: no file of the host is readable.
            load.unwrap(JdbcStatement.class).setLocalInfileInputStream(rows);
            load.execute("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE import_row CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                    + " (unit_code, indicator_code, period, line, value, status, source, note) SET job_id = '"
                    + requireId(job) + "'");
        }
    }

    /**
     * The keys that several rows give a value for, each with its lines, streamed to the consumer in key order. Grouped
     * here rather than by GROUP_CONCAT, which MySQL cuts at 1,024 characters by default.
     */
    void duplicates(String job, Consumer<Duplicate> consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                // The repeated keys first (one pass in key order), then their lines: a correlated EXISTS per row was
                // planned as a semi-join that took minutes for 100,000 rows.
                PreparedStatement query = connection.prepareStatement("SELECT s.unit_code, s.indicator_code, s.period,"
                        + " s.line FROM import_row s JOIN (SELECT unit_code, indicator_code, period FROM import_row"
                        + " WHERE job_id = ? GROUP BY unit_code, indicator_code, period HAVING COUNT(*) > 1) k"
                        + " ON s.unit_code = k.unit_code AND s.indicator_code = k.indicator_code AND s.period = k.period"
                        + " WHERE s.job_id = ? ORDER BY s.unit_code, s.indicator_code, s.period, s.line",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(Integer.MIN_VALUE);
            query.setString(1, job);
            query.setString(2, job);
            try (ResultSet rows = query.executeQuery()) {
                Duplicate current = null;
                while (rows.next()) {
                    String unit = rows.getString(1);
                    String indicator = rows.getString(2);
                    String period = rows.getString(3);
                    if (current == null || !current.unit().equals(unit) || !current.indicator().equals(indicator)
                            || !current.period().equals(period)) {
                        if (current != null) {
                            consumer.accept(current);
                        }
                        current = new Duplicate(unit, indicator, period, new ArrayList<>());
                    }
                    current.lines().add(rows.getLong(4));
                }
                if (current != null) {
                    consumer.accept(current);
                }
            }
        }
    }

    /** What merging would change, changing nothing (a dry run). */
    Changes preview(String job, Optional<ReplaceScope> scope, boolean duplicates) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(o.revision IS NULL), 0),"
                        + " COALESCE(SUM(" + SAME_VALUE + "), 0) FROM import_row s LEFT JOIN observation o ON " + SAME_KEY
                        + " AND " + LATEST + " WHERE s.job_id = ?" + (duplicates ? ALONE : ""))) {
            query.setString(1, job);
            long rows;
            long added;
            long unchanged;
            try (ResultSet result = query.executeQuery()) {
                result.next();
                rows = result.getLong(1);
                added = result.getLong(2);
                unchanged = result.getLong(3);
            }
            long deleted = 0;
            if (scope.isPresent()) {
                Scoped scoped = scoped(scope.get());
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM observation o WHERE"
                        + " o.value IS NOT NULL AND " + LATEST + " AND " + scoped.sql + " AND NOT EXISTS"
                        + " (SELECT 1 FROM import_row s WHERE s.job_id = ? AND " + SAME_KEY + ")" + NOT_KEPT)) {
                    int next = scoped.bind(count, 1);
                    count.setString(next, job);
                    count.setString(next + 1, job);
                    try (ResultSet result = count.executeQuery()) {
                        result.next();
                        deleted = result.getLong(1);
                    }
                }
            }
            return new Changes(added, rows - added - unchanged, unchanged, deleted);
        }
    }

    /**
     * Merges the job's rows into observation, inside the caller's transaction: in a replace, a tombstone after each
     * value of the scope that the file does not hold; then each row as the next revision of its value, unless it says
     * what the latest revision says. Nothing is updated: a revision is superseded by the next one.
     */
    void merge(String job, Optional<ReplaceScope> scope, boolean duplicates, String recordedBy, Instant now)
            throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (Connection connection = dataSource.getConnection()) {
            if (scope.isPresent()) {
                Scoped scoped = scoped(scope.get());
                try (PreparedStatement tombstones = connection.prepareStatement("INSERT INTO observation (unit_code,"
                        + " indicator_code, period, revision, recorded_by, recorded_at, import_id) SELECT o.unit_code,"
                        + " o.indicator_code, o.period, o.revision + 1, ?, ?, ? FROM observation o WHERE o.value IS NOT NULL"
                        + " AND " + LATEST + " AND " + scoped.sql + " AND NOT EXISTS (SELECT 1 FROM import_row s"
                        + " WHERE s.job_id = ? AND " + SAME_KEY + ")" + NOT_KEPT)) {
                    tombstones.setString(1, recordedBy);
                    tombstones.setTimestamp(2, at, UTC);
                    tombstones.setString(3, job);
                    int next = scoped.bind(tombstones, 4);
                    tombstones.setString(next, job);
                    tombstones.setString(next + 1, job);
                    tombstones.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO observation (unit_code,"
                    + " indicator_code, period, revision, value, status, source, note, recorded_by, recorded_at, import_id)"
                    + " SELECT s.unit_code, s.indicator_code, s.period, COALESCE(o.revision, 0) + 1, s.value, s.status,"
                    + " s.source, s.note, ?, ?, ? FROM import_row s LEFT JOIN observation o ON " + SAME_KEY + " AND " + LATEST
                    + " WHERE s.job_id = ? AND NOT ((" + SAME_VALUE + ") <=> TRUE)" + (duplicates ? ALONE : ""))) {
                insert.setString(1, recordedBy);
                insert.setTimestamp(2, at, UTC);
                insert.setString(3, job);
                insert.setString(4, job);
                insert.executeUpdate();
            }
        }
    }

    /**
     * The revisions the job wrote (values and, in a replace, tombstones), ordered by unit, indicator and period, streamed
     * to the consumer. They are those recorded at the merge's instant by the job: the index on recorded_at holds them
     * side by side, in key order. The consumer must not use the database: the connection is busy until the last row.
     * Inside the merge's transaction.
     */
    void written(String job, Instant now, Consumer<Written> consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT o.unit_code, o.indicator_code, o.period,"
                        + " o.revision, o.value, o.status FROM observation o FORCE INDEX (ix_observation_recorded)"
                        + " WHERE o.recorded_at = ? AND o.import_id = ?"
                        + " ORDER BY o.unit_code, o.indicator_code, o.period, o.revision",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(Integer.MIN_VALUE);
            query.setTimestamp(1, Timestamp.from(now), UTC);
            query.setString(2, job);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    consumer.accept(new Written(result.getString(1), result.getString(2), result.getString(3),
                            result.getInt(4), result.getBigDecimal(5), result.getString(6)));
                }
            }
        }
    }

    /**
     * Takes the write gate alone (V17), inside the merge's transaction, until it commits: single writes wait meanwhile,
     * so the instant the import's revisions carry, taken after this, is before every later single write's.
     */
    void closeWriteGate() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement gate = connection.prepareStatement("SELECT id FROM write_gate WHERE id = 1 FOR UPDATE");
                ResultSet row = gate.executeQuery()) {
            row.next();
        }
    }

    /** Notes keys of rows that failed their checks, which a replace leaves as they were. */
    void keep(String job, List<RowChecks.Key> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO import_kept_key (job_id,"
                        + " unit_code, indicator_code, period) VALUES (?, ?, ?, ?)")) {
            for (RowChecks.Key key : keys) {
                insert.setString(1, job);
                insert.setString(2, key.unit());
                insert.setString(3, key.indicator());
                insert.setString(4, key.period());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Empties the job's staged rows (and kept keys). */
    long clear(String job) throws SQLException {
        long cleared = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("import_row", "import_kept_key")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE job_id = ? LIMIT 10000")) {
                    delete.setString(1, job);
                    for (int deleted; (deleted = delete.executeUpdate()) > 0; ) {
                        cleared += deleted;  // 10,000 rows a statement: no lock or undo log grows with the import
                    }
                }
            }
        }
        return cleared;
    }

    /**
     * Empties the staged rows of every job that no longer runs (those of a service stopped mid-import), job by job and
     * 10,000 rows per statement: a delete over the whole table would lock the rows of an import still running.
     */
    long clearFinished() throws SQLException {
        List<String> finished = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT j.id FROM import_job j WHERE j.state IN"
                        + " ('SUCCEEDED', 'REJECTED', 'FAILED') AND j.id IN (SELECT r.job_id FROM import_row r"
                        + " UNION SELECT k.job_id FROM import_kept_key k)");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                finished.add(rows.getString(1));
            }
        }
        long cleared = 0;
        for (String job : finished) {
            cleared += clear(job);
        }
        return cleared;
    }

    /** The condition on `o` of a replace scope, and its parameters. */
    private record Scoped(String sql, List<String> parameters) {

        int bind(PreparedStatement statement, int first) throws SQLException {
            int index = first;
            for (String parameter : parameters) {
                statement.setString(index++, parameter);
            }
            return index;
        }
    }

    private Scoped scoped(ReplaceScope scope) {
        List<String> parameters = new ArrayList<>();
        List<String> byIndicator = new ArrayList<>();
        for (String code : scope.indicators()) {
            Optional<Period[]> bounds = scope.bounds(indicators.definition(code));
            if (bounds.isPresent()) {
                byIndicator.add("(o.indicator_code = ? AND o.period BETWEEN ? AND ?)");
                parameters.addAll(List.of(code, bounds.get()[0].toString(), bounds.get()[1].toString()));
            }
        }
        String sql = "(" + (byIndicator.isEmpty() ? "FALSE" : String.join(" OR ", byIndicator)) + ")";
        if (!scope.units().isEmpty()) {
            sql += " AND o.unit_code IN (" + String.join(", ", scope.units().stream().map(unit -> "?").toList()) + ")";
            parameters.addAll(scope.units());
        }
        return new Scoped(sql, parameters);
    }

    private static String requireId(String job) {
        if (!job.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a job id: " + job);
        }
        return job;
    }
}
