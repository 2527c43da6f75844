package vn.nangsuat.indicator.imports;

/** The file cannot be read on from here (not UTF-8, unbalanced quotes, broken JSON): the import stops at the line. */
class MalformedFile extends RuntimeException {

    final transient RowError error;

    MalformedFile(long line, String field, String reason) {
        super("line " + line + ": " + reason);
        this.error = RowError.of(line, field, null, reason);
    }
}
