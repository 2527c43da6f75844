package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangsuat.kit.migration.FrozenRows;

/**
 * Fills the search key of every version already there and loads the aliases of seed/unit-aliases.csv, frozen beside
 * this class with their keys (`V6__Search_keys.unit_alias.csv`, never edited). The key of a version is computed by
 * {@link #searchKey}, a copy of `SearchKeys.normalize` as it was when this migration was written, so a database
 * built later gets the same keys whatever the domain code becomes; a new rule is a new migration that recomputes
 * them. Still a Java migration, so databases that ran it keep a valid history (see V2__Seed_units).
 */
public class V6__Search_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<Long, String> names = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("SELECT id, name FROM unit_version")) {
            while (rows.next()) {
                names.put(rows.getLong(1), rows.getString(2));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE unit_version SET search_key = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> version : names.entrySet()) {
                update.setString(1, searchKey(version.getValue()));
                update.setLong(2, version.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        FrozenRows.insert(connection, getClass(), "unit_alias");
    }

    /** Lower case, without Vietnamese marks, đ as d, punctuation as single spaces: frozen, never edited. */
    static String searchKey(String name) {
        String withoutStroke = name.replace('đ', 'd').replace('Đ', 'D');
        String withoutMarks = Normalizer.normalize(withoutStroke, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return withoutMarks.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
