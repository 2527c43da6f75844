package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.province.domain.SearchKeys;
import vn.nangsuat.province.domain.SeedFiles;
import vn.nangsuat.province.domain.SeedPlan;

/**
 * The rows frozen beside V2 and V6 still say what the seed files and today's search rule say. A failure means the
 * seed files, SeedPlan or SearchKeys changed: the frozen files stay as they are (databases were built from them), and
 * the change reaches the databases by a new migration.
 */
class FrozenMigrationsTest {

    @Test
    void theUnitsOfV2AreWhatSeedPlanMakesOfTheSeedFiles() throws Exception {
        SeedPlan plan = SeedFiles.load();
        List<Map<String, String>> versions = plan.versions().stream().map(v -> row(
                "id", Integer.toString(v.key()), "code", v.code(), "name", v.name(), "kind", v.kind().name(),
                "region", v.region() == null ? "" : v.region().name(), "region_derived", v.regionDerived() ? "1" : "0",
                "valid_from", v.validFrom().toString(), "valid_to", v.validTo() == null ? "" : v.validTo().toString()))
                .toList();
        assertEquals(versions, frozen("V2__Seed_units.unit_version.csv"));
        List<Map<String, String>> links = plan.links().stream().map(link -> row(
                "predecessor_id", Integer.toString(link.predecessorKey()), "successor_id", Integer.toString(link.successorKey()),
                "effective_date", link.effective().toString(), "change_kind", link.kind().name())).toList();
        assertEquals(links, frozen("V2__Seed_units.unit_lineage.csv"));
    }

    @Test
    void theAliasesOfV6AreThoseOfTheSeedFileWithTheKeysSearchUsesToday() throws Exception {
        List<Map<String, String>> aliases = read(getClass().getClassLoader().getResourceAsStream("seed/unit-aliases.csv"))
                .stream().map(alias -> row("code", alias.get("code"), "alias", alias.get("alias"),
                        "alias_key", SearchKeys.compact(alias.get("alias")))).toList();
        assertEquals(aliases, frozen("V6__Search_keys.unit_alias.csv"));
    }

    @Test
    void theSearchKeysV6GivesAreThoseSearchUsesToday() throws Exception {
        for (Map<String, String> version : frozen("V2__Seed_units.unit_version.csv")) {
            assertEquals(SearchKeys.normalize(version.get("name")), V6__Search_keys.searchKey(version.get("name")));
        }
        for (String name : List.of("Bà Rịa - Vũng Tàu", "ĐẮK LẮK", "  TP.  HCM ", "%_'\"")) {
            assertEquals(SearchKeys.normalize(name), V6__Search_keys.searchKey(name), name);
        }
    }

    private static Map<String, String> row(String... columnsAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    private List<Map<String, String>> frozen(String file) throws Exception {
        return read(V2__Seed_units.class.getResourceAsStream(file));
    }

    private static List<Map<String, String>> read(InputStream in) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            return rows.readAll();
        }
    }
}
