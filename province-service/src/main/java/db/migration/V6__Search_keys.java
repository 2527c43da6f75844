package db.migration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangsuat.province.domain.SearchKeys;

/** Fills the search key of every existing version and loads the aliases of seed/unit-aliases.csv. */
public class V6__Search_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<Object[]> names = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT id, name FROM unit_version")) {
            while (rows.next()) {
                names.add(new Object[] {rows.getLong(1), rows.getString(2)});
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE unit_version SET search_key = ? WHERE id = ?")) {
            for (Object[] row : names) {
                update.setString(1, SearchKeys.normalize((String) row[1]));
                update.setLong(2, (Long) row[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("seed/unit-aliases.csv"), StandardCharsets.UTF_8));
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO unit_alias (code, alias, alias_key) VALUES (?, ?, ?)")) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", 2);
                insert.setString(1, fields[0]);
                insert.setString(2, fields[1].trim());
                insert.setString(3, SearchKeys.compact(fields[1]));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
