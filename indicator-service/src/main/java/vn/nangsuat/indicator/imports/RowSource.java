package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of an import body, read one at a time so that no file is ever held whole. Throws {@link MalformedFile}
 * where the body stops being readable. A format says how to read its next row ({@link #read()}); the iteration and
 * the reasons a body cannot be read are the same for all.
 */
abstract class RowSource implements Iterator<RawRow>, Closeable {

    /** No field may be longer than this (a note holds 1,000): a 10 MB field stops the import, it is not buffered. */
    static final int MAX_FIELD_CHARS = 100_000;

    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder().maxStringLength(MAX_FIELD_CHARS)
            .maxNumberLength(1_000).build();

    private RawRow next;

    static RowSource of(ImportFormat format, InputStream body) {
        return format == ImportFormat.CSV ? new CsvRows(body) : new JsonRows(body);
    }

    /** Strict UTF-8: a Latin-1 byte is an error at its line, not a replacement character in a stored note. */
    static Reader utf8(InputStream body) {
        return new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The next row, or null after the last. */
    protected abstract RawRow read();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public final RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRow row = next;
        next = null;
        return row;
    }

    /**
     * Why the body cannot be read on from the line: not UTF-8, a field beyond {@link #MAX_FIELD_CHARS}, or the parser's
     * own reason (named as `field`, with the format's hint).
     */
    static MalformedFile failure(long line, IOException e, String field, String format, String hint) {
        if (e instanceof CharacterCodingException || e instanceof CharConversionException) {
            return new MalformedFile(line, "encoding", "the " + field + " is not UTF-8 from this line on: save it as UTF-8");
        }
        if (e instanceof StreamConstraintsException) {
            return new MalformedFile(line, "field", "a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
        return new MalformedFile(line, field, "the " + format + " cannot be read on: " + reason + hint);
    }
}
