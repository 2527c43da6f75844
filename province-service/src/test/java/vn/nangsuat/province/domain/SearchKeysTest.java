package vn.nangsuat.province.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void marksAndCaseAreIgnoredAndDStrokeIsD() {
        assertEquals("da nang", SearchKeys.normalize("Đà Nẵng"));
        assertEquals("thua thien hue", SearchKeys.normalize("Thừa Thiên Huế"));
        assertEquals("ho chi minh", SearchKeys.normalize("HỒ CHÍ MINH"));
        assertEquals("dak lak", SearchKeys.normalize("Đắk Lắk"));
    }

    @Test
    void punctuationBecomesOneSpace() {
        assertEquals("ba ria vung tau", SearchKeys.normalize("Bà Rịa - Vũng Tàu"));
        assertEquals("tp hcm", SearchKeys.normalize("  TP.  HCM "));
    }

    @Test
    void theCompactFormDropsSpacesForAbbreviations() {
        assertEquals("tphcm", SearchKeys.compact("TP. HCM"));
        assertEquals("brvt", SearchKeys.compact("BR-VT"));
    }

    @Test
    void theSeedAliasesAreDistinctPerCodeOnceCompacted() throws Exception {
        List<Map<String, String>> aliases;
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(getClass().getClassLoader().getResourceAsStream("seed/unit-aliases.csv"))) {
            aliases = rows.readAll();
        }
        var keys = aliases.stream().map(alias -> alias.get("code") + ":" + SearchKeys.compact(alias.get("alias"))).toList();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "two aliases of one code compact alike: " + keys);
    }

    @Test
    void nothingLeftIsEmpty() {
        assertEquals("", SearchKeys.normalize("%_'\""));
        assertEquals("", SearchKeys.normalize(null));
    }
}
