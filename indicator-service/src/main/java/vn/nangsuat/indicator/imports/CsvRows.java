package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV rows: UTF-8 with or without a BOM, a header row naming the columns (any order, any case), separated by `,` or
 * `;` (whichever the header uses). Parsed by Jackson's streaming CSV parser, one row at a time.
 */
final class CsvRows extends RowSource {

    private static final CsvFactory FACTORY = CsvFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final int MAX_HEADER_CHARS = 4_096;

    private final CsvParser parser;
    private final Map<String, Integer> columns = new HashMap<>();

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
    protected RawRow read() {
        Record record = nextRecord();
        if (record.fields() == null) {
            return null;
        }
        List<String> fields = record.fields();
        String shape = fields.size() == columns.size() ? null
                : "has " + fields.size() + " fields where the header has " + columns.size();
        return RawRow.of(record.line(), shape, name -> {
            Integer index = columns.get(name);
            return index == null || index >= fields.size() ? null : fields.get(index);
        });
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
        return failure(line, e, "file", "CSV", " (an unbalanced quote makes the rest of the file one field)");
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
