package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON rows: an array of objects with the members of {@link RawRow#FIELDS}, e.g.
 * `[{"unit": "19", "indicator": "GRDP", "period": "2024", "value": 186000.5, "status": "PRELIMINARY"}]`. Read
 * with Jackson's streaming parser, one object at a time; numbers keep every digit (BigDecimal).
 */
final class JsonRows extends RowSource {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
            .build()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonParser parser;
    private boolean ended;

    JsonRows(InputStream body) {
        try {
            parser = MAPPER.createParser(RowSource.utf8(body));
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedFile(parser.currentTokenLocation().getLineNr(), "body",
                        "must be a JSON array of rows, such as [{\"unit\": \"19\", \"indicator\": \"GRDP\", ...}]");
            }
        } catch (IOException e) {
            throw failure(1, e);
        }
    }

    @Override
    protected RawRow read() {
        if (ended) {
            return null;
        }
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken token = parser.nextToken();
            line = parser.currentTokenLocation().getLineNr();
            if (token == JsonToken.START_OBJECT) {
                return row(line, parser.readValueAsTree());
            }
            if (token == JsonToken.END_ARRAY) {
                ended = true;
                if (parser.nextToken() != null) {
                    throw new MalformedFile(parser.currentTokenLocation().getLineNr(), "body",
                            "nothing may follow the array of rows");
                }
                return null;
            }
            throw new MalformedFile(line, "body", token == null ? "the array of rows is not closed: the body ends early"
                    : "each row must be a JSON object, not " + token);
        } catch (IOException e) {
            throw failure(line, e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static RawRow row(long line, JsonNode object) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RawRow.FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        String shape = unknown.isEmpty() ? null : "unknown member " + String.join(", ", unknown)
                + ": the members are " + String.join(", ", RawRow.FIELDS);
        return RawRow.of(line, shape, name -> text(object.get(name)));
    }

    /** A member as text: numbers with every digit, null for a missing or null member, anything else as JSON. */
    private static String text(JsonNode member) {
        if (member == null || member.isNull()) {
            return null;
        }
        if (member.isNumber()) {
            return member.decimalValue().toString();
        }
        return member.isTextual() ? member.textValue() : member.toString();
    }

    private static MalformedFile failure(long line, IOException e) {
        return failure(line, e, "body", "JSON", "");
    }
}
