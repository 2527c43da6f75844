package vn.nangsuat.indicator.imports;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The valid rows of a job, written as LOAD DATA's default text format (tab-separated, backslash escapes, `\N` for
 * null) in the column order {@link Staging#load} names, to the pipe that LOAD DATA reads while they are written.
 */
final class StagedRows implements Closeable {

    private final BufferedWriter out;

    StagedRows(OutputStream pipe) {
        this.out = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16);
    }

    void write(RowChecks.Valid row) throws IOException {
        out.write(row.unit());
        out.write('\t');
        out.write(row.indicator());
        out.write('\t');
        out.write(row.period().toString());
        out.write('\t');
        out.write(Long.toString(row.line()));
        out.write('\t');
        out.write(row.value().toPlainString());
        out.write('\t');
        out.write(row.status().name());
        out.write('\t');
        text(row.source());
        out.write('\t');
        text(row.note());
        out.write('\n');
    }

    private void text(String value) throws IOException {
        if (value == null) {
            out.write("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\0' -> out.write("\\0");
                default -> out.write(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
