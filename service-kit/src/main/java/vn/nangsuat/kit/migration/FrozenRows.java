package vn.nangsuat.kit.migration;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows frozen in a CSV file beside a Flyway Java migration: `V2__Seed_units.unit_version.csv` next to
 * `db.migration.V2__Seed_units` holds the rows of `unit_version`. The header names the columns; each value is bound
 * as text, which the database converts to the column's type (dates as 2025-07-01, booleans as 0 or 1), and an empty
 * field is NULL.
 * <p>
 * Data a migration computed from live code (seed files, domain rules) is generated once and frozen this way, so a
 * database built years later holds what one built on the day did. Frozen too is this class: the files are never
 * edited, and what it does with them must not change (a new need is a new class).
 */
public final class FrozenRows {

    private static final CsvMapper CSV = new CsvMapper();

    private FrozenRows() {
    }

    /** Inserts the rows of `<migration's simple name>.<table>.csv` into the table; returns how many. */
    public static int insert(Connection connection, Class<?> migration, String table) throws IOException, SQLException {
        String file = migration.getSimpleName() + "." + table + ".csv";
        List<Map<String, String>> rows;
        try (InputStream in = migration.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing beside " + migration.getName());
            }
            MappingIterator<Map<String, String>> reader = CSV.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .with(CsvParser.Feature.EMPTY_STRING_AS_NULL)
                    .readValues(in);
            rows = reader.readAll();
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map<String, String> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    String value = row.get(columns.get(i));
                    if (value == null) {
                        insert.setNull(i + 1, Types.VARCHAR);
                    } else {
                        insert.setString(i + 1, value);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return rows.size();
    }
}
