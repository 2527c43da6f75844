package vn.nangsuat.province.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
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
        var in = getClass().getClassLoader().getResourceAsStream("seed/unit-aliases.csv");
        var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                .filter(line -> !line.isBlank()).toList();
        var keys = lines.stream().map(line -> line.split(",", 2))
                .map(fields -> fields[0] + ":" + SearchKeys.compact(fields[1])).toList();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "two aliases of one code compact alike: " + keys);
    }

    @Test
    void nothingLeftIsEmpty() {
        assertEquals("", SearchKeys.normalize("%_'\""));
        assertEquals("", SearchKeys.normalize(null));
    }
}
