package vn.nangsuat.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.nangsuat.http.AnswerHeaders;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemType;

/**
 * Merges the services' OpenAPI documents into the one public contract: their paths, tags and components side
 * by side under one info block. A schema two services both define must be the same (service-kit's Problem);
 * a path or schema defined differently twice is a design error, reported in `x-merge-conflicts` instead of
 * silently picking one. Every operation keeps the operationId its service gave it (service-kit derives one from
 * resource and method); one without gets one from its method and path, and one whose id an earlier service (by
 * name) already uses is renamed with its service's name in front, recorded in `x-merge-conflicts`, so that ids stay
 * unique and the same from one merge to the next. Each operation also lists the refusals the gateway itself may give
 * before or instead of the service's answer (malformed target, bad token, rate limit, service unreachable, down,
 * overloaded or slow). Pure: no I/O.
 */
public final class ContractMerger {

    /** What the gateway answers itself, on every operation (401 on a read: a bad token was sent). */
    private record Refusal(ProblemType type, String meaning) {
    }

    private static final List<Refusal> GATEWAY_REFUSALS = List.of(
            new Refusal(ProblemType.MALFORMED_REQUEST,
                    "The request target cannot be read (a broken %-escape, or bytes that are not UTF-8), or a chunked"
                            + " body is malformed (checked by the gateway)"),
            new Refusal(ProblemType.UNAUTHORIZED,
                    "The bearer token sent is forged, expired or malformed, or a write came without one (checked by the gateway)"),
            new Refusal(ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests from this client; Retry-After gives the seconds to wait"),
            new Refusal(ProblemType.UPSTREAM_UNAVAILABLE,
                    "The service behind the gateway cannot be reached or broke off the exchange (or, with type"
                            + " upstream-answer-too-large, answered with more than the gateway forwards)"),
            new Refusal(ProblemType.SERVICE_UNAVAILABLE,
                    "The service behind the gateway is down or has too many requests waiting; Retry-After gives the"
                            + " seconds to wait"),
            new Refusal(ProblemType.UPSTREAM_TIMEOUT, "The service behind the gateway did not answer in time"));
    /** What the gateway answers itself on an operation that takes a body. */
    private static final Refusal BODY_STALLED = new Refusal(ProblemType.REQUEST_TIMEOUT,
            "The request body stopped arriving before its end (CLIENT_BODY_TIMEOUT); the connection is closed: send it"
                    + " again whole");

    /** The fields of a path item that are operations. */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final ObjectMapper json;

    public ContractMerger(ObjectMapper json) {
        this.json = json;
    }

    /** @param documents service name to its document, or to null when the service could not be asked */
    public ObjectNode merge(Map<String, JsonNode> documents, String version) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Năng suất API");
        info.put("version", version);
        info.put("description", "Public API of the productivity master plan backend (Decision 36/QĐ-TTg):"
                + " provinces over time, indicators and observations, provincial productivity plans."
                + " Errors are RFC 9457 problem+json; lists are paged with Link headers.");
        // A placeholder until the owners choose the licence of the API (see the README).
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        Map<String, String> pathOwners = new LinkedHashMap<>();
        ArrayNode conflicts = json.createArrayNode();
        ArrayNode unavailable = json.createArrayNode();

        documents.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            JsonNode document = entry.getValue();
            if (document == null) {
                unavailable.add(entry.getKey());
                return;
            }
            copyFields(document.path("paths"), paths, entry.getKey() + " path", conflicts)
                    .forEach(path -> pathOwners.put(path, entry.getKey()));
            document.path("components").fields().forEachRemaining(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
                copyFields(section.getValue(), target, entry.getKey() + " " + section.getKey(), conflicts);
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        });
        // Once every document is in: the comparisons of equal paths above saw the services' own operations.
        Set<String> operationIds = new HashSet<>();
        pathOwners.forEach((path, service) -> paths.get(path).fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode object) {
                identify(service, operation.getKey(), path, object, operationIds, conflicts);
            }
        }));
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue().isObject()) {
                addGatewayRefusals(path.getKey(), (ObjectNode) operation.getValue());
                declareGatewayHeaders((ObjectNode) operation.getValue());
            }
        }));
        ObjectNode headers = components.has("headers") ? (ObjectNode) components.get("headers") : components.putObject("headers");
        for (AnswerHeaders.Declared header : List.of(AnswerHeaders.REQUEST_ID, AnswerHeaders.RETRY_AFTER, AnswerHeaders.ETAG)) {
            if (!headers.has(header.name())) {
                ObjectNode declared = headers.putObject(header.name()).put("description", header.description());
                declared.putObject("schema").put("type", header.schemaType());
            }
        }
        if (!conflicts.isEmpty()) {
            merged.set("x-merge-conflicts", conflicts);
        }
        if (!unavailable.isEmpty()) {
            merged.set("x-unavailable-services", unavailable);
        }
        return merged;
    }

    /** Gives the operation an id no earlier one has: its own, else one from method and path; prefixed on a clash. */
    private static void identify(String service, String method, String path, ObjectNode operation, Set<String> taken,
            ArrayNode conflicts) {
        String own = operation.path("operationId").asText("");
        String id = own.isBlank() ? idFromPath(method, path) : own;
        if (taken.contains(id)) {
            String renamed = service + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            for (int n = 2; taken.contains(renamed); n++) {
                renamed = service + Character.toUpperCase(id.charAt(0)) + id.substring(1) + n;
            }
            conflicts.add(service + " operationId " + id + " of " + method + " " + path
                    + " is taken by an earlier service's; renamed " + renamed);
            id = renamed;
        }
        taken.add(id);
        operation.put("operationId", id);
    }

    /** {@code get /api/v1/provinces/{code}/history} gives {@code getProvincesCodeHistory}. */
    static String idFromPath(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String word : path.replaceFirst("^/api/v\\d+", "").split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    private void addGatewayRefusals(String path, ObjectNode operation) {
        JsonNode existing = operation.get("responses");
        ObjectNode responses = existing instanceof ObjectNode object ? object : operation.putObject("responses");
        List<Refusal> refusals = new ArrayList<>(GATEWAY_REFUSALS);
        if (operation.has("requestBody")) {
            refusals.add(BODY_STALLED);
        }
        for (Refusal refusal : refusals) {
            String status = Integer.toString(refusal.type().status());
            if (!responses.has(status)) {
                ObjectNode response = responses.putObject(status);
                response.put("description", refusal.meaning());
                ObjectNode media = response.putObject("content").putObject(Problem.MEDIA_TYPE);
                media.putObject("schema").put("$ref", "#/components/schemas/Problem");
                media.putObject("example")
                        .put("type", refusal.type().uri())
                        .put("title", refusal.type().title(Locale.ENGLISH))
                        .put("status", refusal.type().status())
                        .put("detail", refusal.meaning())
                        .put("instance", path);
            }
        }
    }

    /**
     * The headers the gateway itself puts on answers: a request id on every one, Retry-After on every 429 and 503
     * (its own refusals and a service's), and the ETag a 304 (its own or a service's) always repeats. The services'
     * documents declare the others (service-kit's AnswerHeaderDocs).
     */
    private static void declareGatewayHeaders(ObjectNode operation) {
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getValue() instanceof ObjectNode answer) {
                ObjectNode headers = answer.has("headers") ? (ObjectNode) answer.get("headers") : answer.putObject("headers");
                List<AnswerHeaders.Declared> sent = switch (response.getKey()) {
                    case "429", "503" -> List.of(AnswerHeaders.REQUEST_ID, AnswerHeaders.RETRY_AFTER);
                    case "304" -> List.of(AnswerHeaders.REQUEST_ID, AnswerHeaders.ETAG);
                    default -> List.of(AnswerHeaders.REQUEST_ID);
                };
                for (AnswerHeaders.Declared header : sent) {
                    if (!headers.has(header.name())) {
                        headers.putObject(header.name()).put("$ref", header.ref());
                    }
                }
            }
        });
    }

    /** @return the names of the fields copied (not those already there) */
    private static List<String> copyFields(JsonNode source, ObjectNode target, String what, ArrayNode conflicts) {
        List<String> added = new ArrayList<>();
        source.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                target.set(field.getKey(), field.getValue().deepCopy());
                added.add(field.getKey());
            } else if (!existing.equals(field.getValue())) {
                conflicts.add(what + " " + field.getKey() + " differs from an earlier service's");
            }
        });
        return added;
    }
}
