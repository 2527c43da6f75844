package vn.nangsuat.indicator.imports;

/**
 * One row of an import as it was written, before any check: the text of each field (null when absent), the line of
 * the file it starts on (for JSON, the line of its object), and what is wrong with its shape (a CSV row with another
 * number of fields than the header, a JSON row with an unknown member), if anything.
 */
public record RawRow(long line, String shape, String unit, String indicator, String period, String value,
        String status, String source, String note) {

    /** The field names of a row, as CSV headers and JSON members. */
    public static final java.util.List<String> FIELDS = java.util.List.of("unit", "indicator", "period", "value",
            "status", "source", "note");

    static RawRow of(long line, String shape, java.util.function.Function<String, String> field) {
        return new RawRow(line, shape, field.apply("unit"), field.apply("indicator"), field.apply("period"),
                field.apply("value"), field.apply("status"), field.apply("source"), field.apply("note"));
    }
}
