package vn.nangsuat.province.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.province.domain.LineageGraph;

@Schema(name = "Crosswalk", description = "Which unit of `to` each unit of `from` became (or came from)")
public record Crosswalk(LocalDate from, LocalDate to, List<Row> items) {

    @Schema(name = "CrosswalkRow")
    public record Row(
            @Schema(examples = "06") String fromCode,
            @Schema(examples = "Bắc Kạn") String fromName,
            @Schema(description = "Null when no unit of `to` covers it", examples = "19", nullable = true) String toCode,
            @Schema(description = "Null when no unit of `to` covers it", examples = "Thái Nguyên", nullable = true)
            String toName,
            @Schema(description = "SAME, CHANGED, MERGED, SPLIT or NONE", examples = "MERGED") LineageGraph.Relation relation) {
    }

    /** What the crosswalk is written as. */
    @Schema(name = "CrosswalkFormat")
    public enum Format { JSON, CSV }

    /** One CSV line: the columns, named and ordered as the header gives them. */
    @JsonPropertyOrder({ "from_code", "from_name", "to_code", "to_name", "relation" })
    private record CsvLine(String from_code, String from_name, String to_code, String to_name, String relation) {
    }

    /** RFC 4180 with a header line and CRLF line ends; a value quoted only when it holds a comma, quote or line end; an absent one empty. */
    private static final ObjectWriter CSV;

    static {
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
        CSV = mapper.writer(mapper.schemaFor(CsvLine.class).withHeader().withLineSeparator("\r\n"));
    }

    static Crosswalk of(LocalDate from, LocalDate to, List<LineageGraph.CrosswalkRow> rows) {
        return new Crosswalk(from, to, rows.stream().map(row -> new Row(row.from().code(), row.from().name(),
                row.to() == null ? null : row.to().code(), row.to() == null ? null : row.to().name(), row.relation()))
                .toList());
    }

    String toCsv() {
        List<CsvLine> lines = items.stream().map(row -> new CsvLine(row.fromCode(), row.fromName(), row.toCode(),
                row.toName(), row.relation().name())).toList();
        try {
            return CSV.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
