package vn.nangsuat.province.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.web.CsvWriter;
import vn.nangsuat.province.domain.LineageGraph;

/** The CSV form of the crosswalk: what a spreadsheet or a CSV reader gets back, whatever the names hold. */
class CrosswalkCsvTest {

    private static final LocalDate FROM = LocalDate.of(2025, 6, 30);
    private static final LocalDate TO = LocalDate.of(2025, 7, 1);

    private static LineageGraph.Node node(long id, String code, String name) {
        return new LineageGraph.Node(id, code, name, FROM, null);
    }

    /** The crosswalk of these rows as the service writes it, its BOM checked and taken off. */
    private static String csv(LineageGraph.CrosswalkRow... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvWriter().writeTo(Crosswalk.of(FROM, TO, List.of(rows)), Crosswalk.class, Crosswalk.class,
                new Annotation[0], MediaType.valueOf(CsvWriter.TEXT_CSV), new MultivaluedHashMap<>(), out);
        String written = out.toString(StandardCharsets.UTF_8);
        assertEquals('\uFEFF', written.charAt(0), "a BOM, so that Excel reads the names as UTF-8");
        return written.substring(1);
    }

    @Test
    void valuesFollowAHeaderOfTheJsonNamesWithLfLineEnds() throws Exception {
        String csv = csv(new LineageGraph.CrosswalkRow(node(1, "06", "Bắc Kạn"), node(2, "19", "Thái Nguyên"),
                LineageGraph.Relation.MERGED));
        assertEquals("fromCode,fromName,toCode,toName,relation\n"
                + "06,\"Bắc Kạn\",19,\"Thái Nguyên\",MERGED\n", csv);
    }

    @Test
    void aNameWithACommaOrAQuoteReadsBackWhole() throws Exception {
        String csv = csv(new LineageGraph.CrosswalkRow(node(1, "77", "Bà Rịa, \"Vũng Tàu\""),
                node(2, "79", "Hồ Chí Minh"), LineageGraph.Relation.MERGED));
        assertEquals("77,\"Bà Rịa, \"\"Vũng Tàu\"\"\",79,\"Hồ Chí Minh\",MERGED", csv.split("\n")[1]);
        assertEquals(List.of(Map.of("fromCode", "77", "fromName", "Bà Rịa, \"Vũng Tàu\"", "toCode", "79",
                "toName", "Hồ Chí Minh", "relation", "MERGED")), readBack(csv));
    }

    @Test
    void aUnitWithNoCounterpartHasEmptyTargetColumns() throws Exception {
        String csv = csv(new LineageGraph.CrosswalkRow(node(1, "06", "Bắc Kạn"), null, LineageGraph.Relation.NONE));
        assertEquals("06,\"Bắc Kạn\",,,NONE", csv.split("\n")[1]);
        assertEquals(List.of(Map.of("fromCode", "06", "fromName", "Bắc Kạn", "toCode", "", "toName", "",
                "relation", "NONE")), readBack(csv));
    }

    private static List<Map<String, String>> readBack(String csv) throws Exception {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
