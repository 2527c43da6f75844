package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * CSV rows: UTF-8 with or without a BOM, a header row naming the columns (any order, any case), separated by `,` or
 * `;` (whichever the header uses). Parsed by Jackson's streaming CSV parser, one row at a time.
 */
final class CsvRows implements RowSource {

    private static final CsvFactory FACTORY = CsvFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final int MAX_HEADER_CHARS = 4_096;

    private final CsvParser parser;
    private final Map<String, Integer> columns = new HashMap<>();
    private RawRow next;

    CsvRows(InputStream body) {
        BufferedReader reader = new BufferedReader(RowSource.utf8(body), 1 << 16);
        try {
            skipByteOrderMark(reader);
            char separator = separatorOf(reader);
            parser = FACTORY.createParser(reader);
            parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            parser.enable(CsvParser.Feature.TRIM_SPACES);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        } catch (IOException e) {
            throw failure(1, e);
        }
        List<String> header = nextRecord().fields();
        if (header == null) {
            throw new MalformedFile(1, "header", "the file is empty: it needs a header row naming the columns "
                    + String.join(", ", RawRow.FIELDS));
        }
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!RawRow.FIELDS.contains(name)) {
                throw new MalformedFile(1, "header", "unknown column '" + vn.nangsuat.kit.web.ParamConverters.shorten(name)
                        + "': the columns are " + String.join(", ", RawRow.FIELDS));
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new MalformedFile(1, "header", "column " + name + " appears twice");
            }
        }
        for (String required : List.of("unit", "indicator", "period", "value", "status")) {
            if (!columns.containsKey(required)) {
                throw new MalformedFile(1, "header", "column " + required + " is missing: the header has "
                        + String.join(", ", header));
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            Record record = nextRecord();
            if (record.fields() != null) {
                List<String> fields = record.fields();
                String shape = fields.size() == columns.size() ? null
                        : "has " + fields.size() + " fields where the header has " + columns.size();
                next = RawRow.of(record.line(), shape, name -> {
                    Integer index = columns.get(name);
                    return index == null || index >= fields.size() ? null : fields.get(index);
                });
            }
        }
        return next != null;
    }

    @Override
    public RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private record Record(long line, List<String> fields) {
    }

    private Record nextRecord() {
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new Record(line, null);
            }
            List<String> fields = new ArrayList<>();
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                if (fields.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr();  // a row's array starts on the line before
                }
                fields.add(parser.getText());
            }
            return new Record(line, fields);
        } catch (IOException e) {
            throw failure(Math.max(line, parser.currentLocation().getLineNr()), e);
        }
    }

    private static MalformedFile failure(long line, IOException e) {
        if (e instanceof CharacterCodingException || e instanceof CharConversionException) {
            return new MalformedFile(line, "encoding", "the file is not UTF-8 from this line on: save it as UTF-8");
        }
        if (e instanceof StreamConstraintsException) {
            return new MalformedFile(line, "field", "a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException parse ? parse.getOriginalMessage()
                : e.getMessage();
        return new MalformedFile(line, "file", "the CSV cannot be read on: " + reason
                + " (an unbalanced quote makes the rest of the file one field)");
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** `;` when the header line has one (Excel's CSV where the decimal mark is a comma), else `,`. */
    private static char separatorOf(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_CHARS + 1);
        char separator = ',';
        for (int i = 0, c; i < MAX_HEADER_CHARS && (c = reader.read()) != -1 && c != '\n'; i++) {
            if (c == ';') {
                separator = ';';
                break;
            }
        }
        reader.reset();
        return separator;
    }
}
