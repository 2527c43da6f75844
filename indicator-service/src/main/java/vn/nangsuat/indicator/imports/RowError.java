package vn.nangsuat.indicator.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.kit.web.ParamConverters;

/** Why a row of an import was refused: its line, the field, the value given and what is wrong (an extended problem FieldError). */
@Schema(name = "ImportRowError")
public record RowError(
        @Schema(description = "Line of the file (1 is a CSV's header; for JSON, the line of the row's object)",
                examples = "7") long line,
        @Schema(examples = "value") String field,
        @Schema(description = "The value given, shortened when long; null when the field was missing", nullable = true,
                examples = "1e400") String value,
        @Schema(examples = "must be less than 10^18 in size") String message) {

    static RowError of(long line, String field, String value, String message) {
        return new RowError(line, field, value == null ? null : ParamConverters.shorten(value), message);
    }
}
