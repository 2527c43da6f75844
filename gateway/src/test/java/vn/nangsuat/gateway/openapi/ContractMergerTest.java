package vn.nangsuat.gateway.openapi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ContractMergerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ContractMerger merger = new ContractMerger(json);

    @Test
    void theServicesOperationIdsAreKept() {
        ObjectNode merged = merge(Map.of("province", document("/api/v1/provinces", "get", "provinceList")));
        assertEquals("provinceList", operation(merged, "/api/v1/provinces", "get").path("operationId").asText());
        assertFalse(merged.has("x-merge-conflicts"));
    }

    @Test
    void anOperationWithoutAnIdGetsOneFromMethodAndPath() {
        ObjectNode merged = merge(Map.of("province", document("/api/v1/provinces/{code}/history", "get", null)));
        assertEquals("getProvincesCodeHistory",
                operation(merged, "/api/v1/provinces/{code}/history", "get").path("operationId").asText());
    }

    /** Whatever order the documents come in, the service first by name keeps the id and the other is renamed. */
    @Test
    void anIdTwoServicesUseIsRenamedInTheLaterServiceAndRecorded() {
        for (List<String> order : List.of(List.of("plan", "indicator"), List.of("indicator", "plan"))) {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            order.forEach(service -> documents.put(service,
                    document("/api/v1/" + service + "s", "get", "list")));
            ObjectNode merged = merge(documents);
            assertEquals("list", operation(merged, "/api/v1/indicators", "get").path("operationId").asText());
            assertEquals("planList", operation(merged, "/api/v1/plans", "get").path("operationId").asText());
            assertThat(StreamSupport.stream(merged.path("x-merge-conflicts").spliterator(), false)
                    .map(JsonNode::asText).toList(), contains(containsString("plan operationId list of get /api/v1/plans")));
        }
    }

    /** The headers the gateway sets on answers are declared where a generated client finds them. */
    @Test
    void everyAnswerDeclaresTheRequestIdAndEveryWaitDeclaresRetryAfter() {
        ObjectNode merged = merge(Map.of("province", document("/api/v1/provinces", "get", "provinceList")));
        JsonNode responses = operation(merged, "/api/v1/provinces", "get").path("responses");
        responses.fields().forEachRemaining(response -> assertEquals("#/components/headers/X-Request-Id",
                response.getValue().path("headers").path("X-Request-Id").path("$ref").asText(), response.getKey()));
        for (String status : List.of("429", "503")) {
            assertEquals("#/components/headers/Retry-After",
                    responses.path(status).path("headers").path("Retry-After").path("$ref").asText(), status);
        }
        assertFalse(responses.path("400").path("headers").has("Retry-After"));
        assertEquals("integer", merged.path("components").path("headers").path("Retry-After").path("schema")
                .path("type").asText());
        assertThat(merged.path("components").path("headers").path("X-Request-Id").path("description").asText(),
                containsString("logs"));
    }

    @Test
    void everyOperationCanBeRefusedWith400AndTheContractNamesItsLicence() {
        ObjectNode merged = merge(Map.of("province", document("/api/v1/provinces", "get", "provinceList")));
        assertEquals("https://nangsuat.vn/problems/malformed-request", operation(merged, "/api/v1/provinces", "get")
                .path("responses").path("400").path("content").path("application/problem+json").path("example")
                .path("type").asText());
        assertEquals("Apache-2.0", merged.path("info").path("license").path("name").asText());
    }

    @Test
    void anOperationThatTakesABodyCanBeRefusedWith408AndOnlyThatOne() {
        ObjectNode document = (ObjectNode) document("/api/v1/plans", "get", "planList");
        ((ObjectNode) document.path("paths").path("/api/v1/plans")).putObject("post").put("operationId", "planCreate")
                .putObject("requestBody").put("required", true);
        ObjectNode merged = merge(Map.of("plan", document));
        assertEquals("https://nangsuat.vn/problems/request-timeout", operation(merged, "/api/v1/plans", "post")
                .path("responses").path("408").path("content").path("application/problem+json").path("example")
                .path("type").asText());
        assertFalse(operation(merged, "/api/v1/plans", "get").path("responses").has("408"));
    }

    private ObjectNode merge(Map<String, JsonNode> documents) {
        return merger.merge(documents, "test");
    }

    private static JsonNode operation(ObjectNode merged, String path, String method) {
        return merged.path("paths").path(path).path(method);
    }

    private JsonNode document(String path, String method, String operationId) {
        ObjectNode document = json.createObjectNode();
        ObjectNode operation = document.putObject("paths").putObject(path).putObject(method);
        operation.put("summary", "an operation");
        if (operationId != null) {
            operation.put("operationId", operationId);
        }
        return document;
    }
}
