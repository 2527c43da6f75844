package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Closeable;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * The rows of an import body, read one at a time so that no file is ever held whole. Throws {@link MalformedFile}
 * where the body stops being readable.
 */
interface RowSource extends Iterator<RawRow>, Closeable {

    /** No field may be longer than this (a note holds 1,000): a 10 MB field stops the import, it is not buffered. */
    int MAX_FIELD_CHARS = 100_000;

    StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder().maxStringLength(MAX_FIELD_CHARS)
            .maxNumberLength(1_000).build();

    /** Strict UTF-8: a Latin-1 byte is an error at its line, not a replacement character in a stored note. */
    static Reader utf8(InputStream body) {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    static RowSource of(ImportFormat format, InputStream body) {
        return format == ImportFormat.CSV ? new CsvRows(body) : new JsonRows(body);
    }
}
