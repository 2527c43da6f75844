package vn.nangsuat.indicator.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * JSON rows: an array of objects with the members of {@link RawRow#FIELDS}, e.g.
 * `[{"unit": "19", "indicator": "GRDP", "period": "2024", "value": 186000.5, "status": "PRELIMINARY"}]`. Read
 * with Jackson's streaming parser, one object at a time; numbers keep every digit (BigDecimal).
 */
final class JsonRows implements RowSource {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
            .build()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonParser parser;
    private RawRow next;
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
    public boolean hasNext() {
        if (next == null && !ended) {
            long line = parser.currentLocation().getLineNr();
            try {
                JsonToken token = parser.nextToken();
                line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.END_ARRAY) {
                    ended = true;
                    if (parser.nextToken() != null) {
                        throw new MalformedFile(parser.currentTokenLocation().getLineNr(), "body",
                                "nothing may follow the array of rows");
                    }
                } else if (token == JsonToken.START_OBJECT) {
                    next = row(line, parser.readValueAsTree());
                } else if (token == null) {
                    throw new MalformedFile(line, "body", "the array of rows is not closed: the body ends early");
                } else {
                    throw new MalformedFile(line, "body", "each row must be a JSON object, not " + token);
                }
            } catch (IOException e) {
                throw failure(line, e);
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
        if (e instanceof CharacterCodingException || e instanceof CharConversionException) {
            return new MalformedFile(line, "encoding", "the body is not UTF-8 from this line on");
        }
        if (e instanceof StreamConstraintsException) {
            return new MalformedFile(line, "field", "a value is longer than " + MAX_FIELD_CHARS + " characters");
        }
        String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
        return new MalformedFile(line, "body", "the JSON cannot be read on: " + reason);
    }
}
