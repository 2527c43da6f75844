package vn.nangsuat.province.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.province.domain.LineageGraph;

/** The CSV form of the crosswalk: what a spreadsheet or a CSV reader gets back, whatever the names hold. */
class CrosswalkCsvTest {

    private static final LocalDate FROM = LocalDate.of(2025, 6, 30);
    private static final LocalDate TO = LocalDate.of(2025, 7, 1);

    private static LineageGraph.Node node(long id, String code, String name) {
        return new LineageGraph.Node(id, code, name, FROM, null);
    }

    private static Crosswalk crosswalk(LineageGraph.CrosswalkRow... rows) {
        return Crosswalk.of(FROM, TO, List.of(rows));
    }

    @Test
    void plainValuesFollowAHeaderWithCrlfLineEnds() {
        String csv = crosswalk(new LineageGraph.CrosswalkRow(node(1, "06", "Bắc Kạn"), node(2, "19", "Thái Nguyên"),
                LineageGraph.Relation.MERGED)).toCsv();
        assertEquals("from_code,from_name,to_code,to_name,relation\r\n"
                + "06,Bắc Kạn,19,Thái Nguyên,MERGED\r\n", csv);
    }

    @Test
    void aNameWithACommaOrAQuoteReadsBackWhole() throws Exception {
        String csv = crosswalk(new LineageGraph.CrosswalkRow(node(1, "77", "Bà Rịa, \"Vũng Tàu\""),
                node(2, "79", "Hồ Chí Minh"), LineageGraph.Relation.MERGED)).toCsv();
        assertEquals("77,\"Bà Rịa, \"\"Vũng Tàu\"\"\",79,Hồ Chí Minh,MERGED", csv.split("\r\n")[1]);
        assertEquals(List.of(Map.of("from_code", "77", "from_name", "Bà Rịa, \"Vũng Tàu\"", "to_code", "79",
                "to_name", "Hồ Chí Minh", "relation", "MERGED")), readBack(csv));
    }

    @Test
    void aUnitWithNoCounterpartHasEmptyTargetColumns() throws Exception {
        String csv = crosswalk(new LineageGraph.CrosswalkRow(node(1, "06", "Bắc Kạn"), null, LineageGraph.Relation.NONE))
                .toCsv();
        assertEquals("06,Bắc Kạn,,,NONE", csv.split("\r\n")[1]);
        assertEquals(List.of(Map.of("from_code", "06", "from_name", "Bắc Kạn", "to_code", "", "to_name", "",
                "relation", "NONE")), readBack(csv));
    }

    private static List<Map<String, String>> readBack(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
