package vn.nangsuat.kit.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds a service's AsyncAPI document to the records its events are made of: for each message the service sends, the
 * schema of its `data` must name exactly the record's members (recursively, through nested records and lists), require
 * only members the record has, and list exactly an enum's constants. So the document cannot drift from what the code
 * publishes, and a record cannot gain or lose a member the document does not know.
 */
public final class AsyncApiRecords {

    private final JsonNode document;

    private AsyncApiRecords(JsonNode document) {
        this.document = document;
    }

    /** The document as the service serves it, from its classpath (`META-INF/resources/asyncapi.yaml`). */
    public static AsyncApiRecords served() throws IOException {
        try (InputStream yaml = AsyncApiRecords.class.getClassLoader().getResourceAsStream("META-INF/resources/asyncapi.yaml")) {
            if (yaml == null) {
                throw new IllegalStateException("no META-INF/resources/asyncapi.yaml on the classpath");
            }
            return new AsyncApiRecords(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        }
    }

    /** The CloudEvents types of the messages the document says the service sends, each with its `data` schema. */
    public Map<String, JsonNode> sentMessages() {
        Map<String, JsonNode> sent = new TreeMap<>();
        for (JsonNode operation : iterable(document.path("operations"))) {
            if (!"send".equals(operation.path("action").asText())) {
                continue;
            }
            for (JsonNode reference : iterable(operation.path("messages"))) {
                JsonNode message = resolve(resolve(reference));
                JsonNode payload = message.path("payload");
                for (JsonNode part : iterable(payload.path("allOf"))) {
                    JsonNode type = part.path("properties").path("type").path("const");
                    if (type.isTextual()) {
                        sent.put(type.asText(), part.path("properties").path("data"));
                    }
                }
            }
        }
        return sent;
    }

    /**
     * What differs between the document and the records, one line each; empty when they agree. Every message sent
     * must have a record here, and every record a message.
     *
     * @param records each CloudEvents type the service sends, with the record its `data` is
     */
    public List<String> mismatches(Map<String, Class<? extends Record>> records) {
        List<String> found = new ArrayList<>();
        Map<String, JsonNode> sent = sentMessages();
        Set<String> types = new TreeSet<>(sent.keySet());
        types.addAll(records.keySet());
        for (String type : types) {
            if (!sent.containsKey(type)) {
                found.add(type + ": published by a record, but the document sends no such message");
            } else if (!records.containsKey(type)) {
                found.add(type + ": the document sends it, but no record is named for it");
            } else {
                compare(sent.get(type), records.get(type), type + " data", found);
            }
        }
        return found;
    }

    private void compare(JsonNode schema, Type type, String where, List<String> found) {
        JsonNode resolved = withoutNull(resolve(schema));
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            JsonNode properties = resolved.path("properties");
            if (!properties.isObject()) {
                found.add(where + ": the record " + raw.getSimpleName() + " is an object, the schema names no properties");
                return;
            }
            Map<String, RecordComponent> members = new TreeMap<>();
            Arrays.stream(raw.getRecordComponents()).forEach(member -> members.put(jsonName(member), member));
            Set<String> documented = new TreeSet<>();
            properties.fieldNames().forEachRemaining(documented::add);
            for (String name : members.keySet()) {
                if (!documented.contains(name)) {
                    found.add(where + "." + name + ": in the record " + raw.getSimpleName() + ", not in the schema");
                }
            }
            for (String name : documented) {
                if (!members.containsKey(name)) {
                    found.add(where + "." + name + ": in the schema, not in the record " + raw.getSimpleName());
                } else {
                    compare(properties.get(name), members.get(name).getGenericType(), where + "." + name, found);
                }
            }
            for (JsonNode required : iterable(resolved.path("required"))) {
                if (!members.containsKey(required.asText())) {
                    found.add(where + ": requires " + required.asText() + ", which the record " + raw.getSimpleName()
                            + " lacks");
                }
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!resolved.has("items")) {
                found.add(where + ": a list in the record, no items in the schema");
            } else if (type instanceof ParameterizedType list) {
                compare(resolved.get("items"), list.getActualTypeArguments()[0], where + "[]", found);
            }
        } else if (raw.isEnum() && resolved.has("enum")) {
            Set<String> constants = new TreeSet<>();
            Arrays.stream(raw.getEnumConstants()).forEach(constant -> constants.add(((Enum<?>) constant).name()));
            Set<String> documented = new TreeSet<>();
            iterable(resolved.get("enum")).forEach(value -> {
                if (!value.isNull()) {
                    documented.add(value.asText());
                }
            });
            if (!constants.equals(documented)) {
                found.add(where + ": the schema's enum " + documented + " is not " + raw.getSimpleName() + "'s " + constants);
            }
        } else if (resolved.has("properties")) {
            found.add(where + ": an object in the schema, a " + raw.getSimpleName() + " in the record");
        }
    }

    /** A `oneOf`/`anyOf` of one schema and `null` (a nullable reference) is that schema. */
    private JsonNode withoutNull(JsonNode schema) {
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                List<JsonNode> notNull = new ArrayList<>();
                iterable(schema.get(alternatives)).forEach(one -> {
                    if (!"null".equals(one.path("type").asText())) {
                        notNull.add(resolve(one));
                    }
                });
                if (notNull.size() == 1) {
                    return notNull.get(0);
                }
            }
        }
        return schema;
    }

    /** Follows a local `$ref` ('#/components/...'). */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String reference = current.get("$ref").asText();
            if (!reference.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are followed: " + reference);
            }
            current = document.at(reference.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("the document has nothing at " + reference);
            }
        }
        return current;
    }

    private static String jsonName(RecordComponent member) {
        JsonProperty renamed = member.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = member.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : member.getName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalArgumentException("cannot compare a member of type " + type);
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node::elements;
    }
}
