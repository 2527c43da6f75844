package vn.nangsuat.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * What operators and the gateway rely on in every service: readiness that checks the database and Kafka,
 * liveness, Prometheus metrics and an OpenAPI document the gateway can merge, which tells the truth: every
 * operation has an operationId, says whether it needs a token (and does as it says), documents its 400, and every
 * null the service answers with is declared nullable. A service's test class extends this (annotated @QuarkusTest)
 * and names one of its own endpoints.
 */
public abstract class OperationsContract {

    /** Health is served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    /** Metrics are served on the management interface, not on the port of the API. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** The OpenAPI document too: the gateway reads it there to merge the public contract. */
    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    /** A GET path of the service that answers 200, e.g. /api/v1/provinces/38. */
    protected abstract String samplePath();

    /** The OpenAPI path template that documents it, e.g. /api/v1/provinces/{code}. */
    protected abstract String samplePathTemplate();

    /** GET paths answering 200 whose bodies hold nulls (fields the service may leave null); none by default. */
    protected List<String> answersWithNulls() {
        return List.of();
    }

    @Test
    void readinessGatesOnTheDatabaseAndReportsKafkaWithoutGatingOnIt() {
        given().baseUri(health.toString()).when().get("/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database", "Events"))
                .body("checks.name", not(hasItem("Database connections health check")))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'Events' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Events' }.data", hasKey("kafka"));
    }

    @Test
    void healthAndMetricsAreNotServedOnThePortOfTheApi() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void livenessIsUp() {
        given().baseUri(health.toString()).when().get("/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get(samplePath()).then().statusCode(200);
        given().baseUri(metrics.toString()).when().get()
                .then().statusCode(200).body(containsString("http_server_requests_seconds_count"))
                .body(containsString("outbox_lag_seconds")).body(containsString("outbox_pending"))
                .body(containsString("events_broker_reachable"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndTheProblemShape() {
        given().baseUri(openapi.toString()).queryParam("format", "json").when().get()
                .then().statusCode(200)
                .body("paths.'" + samplePathTemplate() + "'.get.summary", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    void everyRefusalTheDocumentDescribesIsAProblem() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) (Map<String, ?>) document().get("paths");
        List<String> refusals = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("responses") instanceof Map<?, ?> responses) {
                responses.forEach((status, response) -> {
                    if (String.valueOf(status).matches("[45]\\d\\d")) {
                        refusals.add(method + " " + path + " " + status + " " + problemSchemaOf(response));
                        examples.add(method + " " + path + " " + status + " example of " + exampleStatusOf(response));
                    }
                });
            }
        }));
        assertThat("refusals documented", refusals, not(empty()));
        assertThat(refusals, everyItem(endsWith(" #/components/schemas/Problem")));
        assertThat("each example shows its own status", examples,
                everyItem(matchesPattern(".* (\\d{3}) example of \\1")));
    }

    /**
     * The schema a refusal names: Problem itself, or one that extends it (has every member of Problem, and more), as a
     * refused import's problem adds the line of each error.
     */
    private Object problemSchemaOf(Object response) {
        Object schema = problemMediaOf(response).get("schema");
        Object ref = schema instanceof Map<?, ?> named ? named.get("$ref") : null;
        if (ref == null) {
            return "no application/problem+json schema";
        }
        Map<String, Object> document = document();
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        Object members = dig(document, "components", "schemas", name, "properties");
        Object problemMembers = dig(document, "components", "schemas", "Problem", "properties");
        boolean extendsProblem = members instanceof Map<?, ?> these && problemMembers instanceof Map<?, ?> problem
                && these.keySet().containsAll(problem.keySet());
        return extendsProblem ? PROBLEM : ref;
    }

    private static final String PROBLEM = "#/components/schemas/Problem";

    private static Object exampleStatusOf(Object response) {
        Object example = problemMediaOf(response).get("example");
        if (example == null && problemMediaOf(response).get("examples") instanceof Map<?, ?> named && !named.isEmpty()) {
            example = dig(named.values().iterator().next(), "value");  // the first of named examples
        }
        return example instanceof Map<?, ?> problem ? problem.get("status") : "none";
    }

    private static Map<?, ?> problemMediaOf(Object response) {
        Object content = ((Map<?, ?>) response).get("content");
        Object media = content instanceof Map<?, ?> types ? types.get("application/problem+json") : null;
        return media instanceof Map<?, ?> type ? type : Map.of();
    }

    @Test
    void everyOperationHasItsOwnOperationId() {
        List<String> ids = new ArrayList<>();
        operations().forEach((name, operation) -> ids.add(name + " " + operation.get("operationId")));
        assertThat(ids, not(empty()));
        assertThat(ids, everyItem(matchesPattern("\\S+ \\S+ [a-z][A-Za-z0-9]*")));
        assertThat("operationIds are unique", ids.stream().map(id -> id.substring(id.lastIndexOf(' '))).distinct().count(),
                equalTo((long) ids.size()));
    }

    /**
     * `security: []` on a public operation, the bearer scheme on a protected one, and the service does as the
     * document says: without a token a protected operation answers 401, a public one never does.
     */
    @Test
    void everyOperationSaysWhetherItNeedsATokenAndDoesAsItSays() {
        List<String> declared = new ArrayList<>();
        List<String> behaviour = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Object security = operation.get("security");
            declared.add(name + (security instanceof List<?> requirements
                    ? (requirements.isEmpty() ? " public" : " needs " + requirements) : " says nothing"));
            boolean needsToken = security instanceof List<?> requirements && !requirements.isEmpty();
            String[] methodAndPath = name.split(" ", 2);
            var request = given();
            if (operation.containsKey("requestBody")) {
                request.contentType("application/json").body("{}");
            }
            int status = request.when().request(methodAndPath[0], methodAndPath[1].replaceAll("\\{[^}]+}", "00"))
                    .then().extract().statusCode();
            behaviour.add(name + (needsToken ? " needs a token" : " is public") + ", answers " + (status == 401 ? 401 : "not 401")
                    + " without one");
        });
        assertThat(declared, everyItem(matchesPattern(".* (public|needs \\[\\{bearer=.*)")));
        assertThat(behaviour, everyItem(matchesPattern(".* (needs a token, answers 401|is public, answers not 401) without one")));
    }

    @Test
    void everyOperationDocumentsItsRefusalOfBadInputWith400() {
        List<String> badInput = new ArrayList<>();
        operations().forEach((name, operation) -> {
            Object response = dig(operation, "responses", "400");
            badInput.add(name + " 400 " + (response == null ? "not documented" : problemSchemaOf(response)));
        });
        assertThat(badInput, everyItem(endsWith(" #/components/schemas/Problem")));
    }

    /** A parameter or field pattern refuses in the contract what the service refuses: the whole value must match. */
    @Test
    void everyPatternOfTheContractMatchesWholeValues() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(document(), patterns);
        patterns.removeIf("\\S"::equals);  // @NotBlank's "holds a non-blank character", meant unanchored
        assertThat(patterns, everyItem(matchesPattern("\\^.*\\$")));
    }

    private static void collectPatterns(Object node, List<String> patterns) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("pattern".equals(key) && value instanceof String pattern) {
                    patterns.add(pattern);
                } else {
                    collectPatterns(value, patterns);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectPatterns(item, patterns));
        }
    }

    /** A client validating answers against the contract must accept every null the service really sends. */
    @Test
    void everyNullInTheAnswersIsDeclaredNullable() {
        Map<String, Object> document = document();
        List<String> undeclared = new ArrayList<>();
        for (String path : answersWithNulls()) {
            Object answer = given().when().get(path).then().statusCode(200).extract().jsonPath().get("$");
            Map<?, ?> schema = (Map<?, ?>) dig(document, "paths", templateOf(document, path), "get", "responses", "200",
                    "content", "application/json", "schema");
            assertThat("200 schema of " + path, schema, notNullValue());
            int[] nulls = { 0 };
            new NullWalk(document, undeclared, nulls).walk(answer, schema, path);
            assertThat("nulls in the answer to " + path, nulls[0], greaterThan(0));
        }
        assertThat("nulls declared nullable", undeclared, empty());
    }

    /** The service's OpenAPI document, as the gateway reads it from the management interface. */
    private Map<String, Object> document() {
        return given().baseUri(openapi.toString()).queryParam("format", "json").when().get().then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** The operations of the document, by "METHOD path". */
    private Map<String, Map<String, Object>> operations() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) (Map<String, ?>) document().get("paths");
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (method.matches("get|put|post|delete|patch|head|options")) {
                operations.put(method.toUpperCase(Locale.ROOT) + " " + path, operation);
            }
        }));
        return operations;
    }

    /** The path template documenting a request path: the one that matches with the fewest parameters. */
    private static String templateOf(Map<String, Object> document, String requestPath) {
        String path = requestPath.split("\\?", 2)[0];
        return ((Map<?, ?>) document.get("paths")).keySet().stream().map(String::valueOf)
                .filter(template -> path.matches(template.replaceAll("\\{[^}]+}", "[^/]+")))
                .min(Comparator.comparing(template -> template.chars().filter(c -> c == '{').count()))
                .orElseThrow(() -> new AssertionError("no path of the document matches " + requestPath));
    }

    private static Object dig(Object node, String... keys) {
        for (String key : keys) {
            node = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return node;
    }

    /** Walks an answer beside its schema and notes each null where the schema does not allow one. */
    private record NullWalk(Map<String, Object> document, List<String> undeclared, int[] nulls) {

        void walk(Object value, Map<?, ?> schema, String at) {
            if (value == null) {
                nulls[0]++;
                if (!allowsNull(schema)) {
                    undeclared.add(at + " is null, its schema does not allow it: " + schema);
                }
            } else if (value instanceof Map<?, ?> object) {
                object.forEach((name, member) -> {
                    Map<?, ?> property = propertyOf(schema, String.valueOf(name));
                    if (property != null) {
                        walk(member, property, at + "." + name);
                    }
                });
            } else if (value instanceof List<?> items) {
                Map<?, ?> itemSchema = itemsOf(schema);
                for (int i = 0; itemSchema != null && i < items.size(); i++) {
                    walk(items.get(i), itemSchema, at + "[" + i + "]");
                }
            }
        }

        private boolean allowsNull(Map<?, ?> schema) {
            Map<?, ?> resolved = resolve(schema);
            Object type = resolved.get("type");
            return Boolean.TRUE.equals(resolved.get("nullable")) || "null".equals(type)
                    || (type instanceof List<?> types && types.contains("null"))
                    || branches(resolved, "anyOf").stream().anyMatch(this::allowsNull)
                    || branches(resolved, "oneOf").stream().anyMatch(this::allowsNull)
                    || (!branches(resolved, "allOf").isEmpty() && branches(resolved, "allOf").stream().allMatch(this::allowsNull))
                    || (resolved != schema && schema.containsKey("type") && allowsNull(without(schema, "$ref")));
        }

        private Map<?, ?> propertyOf(Map<?, ?> schema, String name) {
            Map<?, ?> resolved = resolve(schema);
            if (dig(resolved, "properties", name) instanceof Map<?, ?> property) {
                return property;
            }
            for (String combination : List.of("allOf", "anyOf", "oneOf")) {
                for (Map<?, ?> branch : branches(resolved, combination)) {
                    Map<?, ?> property = propertyOf(branch, name);
                    if (property != null) {
                        return property;
                    }
                }
            }
            return null;
        }

        private Map<?, ?> itemsOf(Map<?, ?> schema) {
            Map<?, ?> resolved = resolve(schema);
            if (resolved.get("items") instanceof Map<?, ?> items) {
                return items;
            }
            for (String combination : List.of("allOf", "anyOf", "oneOf")) {
                for (Map<?, ?> branch : branches(resolved, combination)) {
                    Map<?, ?> items = itemsOf(branch);
                    if (items != null) {
                        return items;
                    }
                }
            }
            return null;
        }

        private Map<?, ?> resolve(Map<?, ?> schema) {
            Object ref = schema.get("$ref");
            return ref == null ? schema
                    : (Map<?, ?>) dig(document, String.valueOf(ref).substring(2).split("/"));
        }

        private static List<Map<?, ?>> branches(Map<?, ?> schema, String combination) {
            List<Map<?, ?>> branches = new ArrayList<>();
            if (schema.get(combination) instanceof List<?> list) {
                list.forEach(branch -> branches.add((Map<?, ?>) branch));
            }
            return branches;
        }

        private static Map<?, ?> without(Map<?, ?> schema, String key) {
            Map<Object, Object> copy = new LinkedHashMap<>(schema);
            copy.remove(key);
            return copy;
        }
    }

    @Test
    void theAsyncApiDocumentOfTheEventsIsServed() {
        given().when().get("/asyncapi.yaml")
                .then().statusCode(200).body(containsString("asyncapi: 3.0.0")).body(containsString("channels:")).body(containsString("province."));
    }

    @Test
    void anUnknownPathIsA404Problem() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
