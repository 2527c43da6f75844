package vn.nangsuat.province.api;

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

    static Crosswalk of(LocalDate from, LocalDate to, List<LineageGraph.CrosswalkRow> rows) {
        return new Crosswalk(from, to, rows.stream().map(row -> new Row(row.from().code(), row.from().name(),
                row.to() == null ? null : row.to().code(), row.to() == null ? null : row.to().name(), row.relation()))
                .toList());
    }

    /** RFC 4180 CSV with a header line, every field quoted. */
    String toCsv() {
        StringBuilder csv = new StringBuilder("from_code,from_name,to_code,to_name,relation\r\n");
        for (Row row : items) {
            csv.append(quote(row.fromCode())).append(',').append(quote(row.fromName())).append(',')
                    .append(quote(row.toCode())).append(',').append(quote(row.toName())).append(',')
                    .append(quote(row.relation().name())).append("\r\n");
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
