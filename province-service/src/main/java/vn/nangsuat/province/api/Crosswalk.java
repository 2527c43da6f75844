package vn.nangsuat.province.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.kit.web.CsvExport;
import vn.nangsuat.province.domain.LineageGraph;

/** Also served as CSV (one row per item, in {@link vn.nangsuat.kit.web.CsvWriter}'s one style for every export). */
@Schema(name = "Crosswalk", description = "Which unit of `to` each unit of `from` became (or came from)")
public record Crosswalk(LocalDate from, LocalDate to, List<Row> items) implements CsvExport {

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

    static Crosswalk of(LocalDate from, LocalDate to, List<LineageGraph.CrosswalkRow> rows) {
        return new Crosswalk(from, to, rows.stream().map(row -> new Row(row.from().code(), row.from().name(),
                row.to() == null ? null : row.to().code(), row.to() == null ? null : row.to().name(), row.relation()))
                .toList());
    }

    @Override
    public List<Row> csvRows() {
        return items;
    }
}
