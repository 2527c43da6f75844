package vn.nangsuat.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nangsuat.client.ApiClient;
import vn.nangsuat.client.api.IndicatorsApi;
import vn.nangsuat.client.api.ObservationsApi;
import vn.nangsuat.client.api.OverviewApi;
import vn.nangsuat.client.api.PlansApi;
import vn.nangsuat.client.api.ProvincesApi;
import vn.nangsuat.client.model.HarmonizedValue;
import vn.nangsuat.client.model.LegalBasis;
import vn.nangsuat.client.model.NewPlan;
import vn.nangsuat.client.model.NewUnit;
import vn.nangsuat.client.model.Observation;
import vn.nangsuat.client.model.ObservationRequest;
import vn.nangsuat.client.model.ObservationStatus;
import vn.nangsuat.client.model.Plan;
import vn.nangsuat.client.model.ProvinceOverview;
import vn.nangsuat.client.model.ProvinceUnit;
import vn.nangsuat.client.model.UnitKind;

/**
 * The public contract as a third-party developer meets it: the merged document the packaged gateway serves is valid
 * OpenAPI, every example in it fits its schema, it holds every service's paths, schemas and examples unchanged, is the file committed at contract/openapi.json,
 * and a Java client generated from that file in this build (openapi-generator, see the pom) reads and writes through
 * every service. Run by SystemIT against the running system ({@code @Nested}).
 */
abstract class PublishedContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isValidOpenApi31ByAValidatorInTheBuild() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(merged().toString(), null, options);
        assertEquals(List.of(), result.getMessages(), "the validator's findings");
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
    }

    /** Swagger UI and generated clients show the examples as what the API sends and takes: each must fit its schema. */
    @Test
    void everyExampleFitsItsSchema() {
        JsonNode merged = merged();
        Examples examples = new Examples(merged);
        merged.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String at = "/paths/" + Examples.escape(path.getKey()) + "/" + operation.getKey();
            JsonNode parameters = operation.getValue().path("parameters");
            for (int i = 0; i < parameters.size(); i++) {
                examples.check(at + "/parameters/" + i + "/schema", parameters.get(i).get("example"));
            }
            examples.inContent(at + "/requestBody/content", operation.getValue().path("requestBody").path("content"));
            operation.getValue().path("responses").fields().forEachRemaining(response ->
                    examples.inContent(at + "/responses/" + response.getKey() + "/content", response.getValue().path("content")));
        }));
        merged.path("components").path("schemas").fields().forEachRemaining(schema ->
                examples.inSchema("/components/schemas/" + Examples.escape(schema.getKey()), schema.getValue()));
        assertTrue(examples.checked > 300, examples.checked + " examples checked");
        assertEquals(List.of(), examples.misfits, "examples that do not fit their schema");
    }

    /** Checks examples against the schema at a JSON pointer of the contract, its $refs resolved within the contract. */
    private static final class Examples {
        private final JsonNode contract;
        private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        final List<String> misfits = new ArrayList<>();
        int checked;

        Examples(JsonNode contract) {
            this.contract = contract;
        }

        void inContent(String at, JsonNode content) {
            content.fields().forEachRemaining(media -> {
                String schema = at + "/" + escape(media.getKey()) + "/schema";
                check(schema, media.getValue().get("example"));
                media.getValue().path("examples").forEach(named -> check(schema, named.get("value")));
            });
        }

        /** A schema's own examples, and those of the schemas within it. */
        void inSchema(String at, JsonNode schema) {
            if (!schema.isObject()) {
                return;
            }
            schema.path("examples").forEach(example -> check(at, example));
            schema.path("properties").fields().forEachRemaining(property ->
                    inSchema(at + "/properties/" + escape(property.getKey()), property.getValue()));
            for (String key : List.of("items", "additionalProperties", "not")) {
                inSchema(at + "/" + key, schema.path(key));
            }
            for (String key : List.of("anyOf", "oneOf", "allOf")) {
                for (int i = 0; i < schema.path(key).size(); i++) {
                    inSchema(at + "/" + key + "/" + i, schema.path(key).get(i));
                }
            }
        }

        void check(String schemaPointer, JsonNode example) {
            if (example == null) {
                return;
            }
            // The whole contract as the root, so "#/components/schemas/..." resolves; unknown keywords are ignored.
            ObjectNode root = contract.deepCopy();
            root.put("$ref", "#" + schemaPointer);
            checked++;
            var errors = schemas.getSchema(root).validate(example);
            if (!errors.isEmpty()) {
                misfits.add(schemaPointer + ": " + example + " " + errors);
            }
        }

        static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }
    }

    @Test
    void holdsEveryPathOperationSchemaAndExampleOfEachServiceUnchanged() throws Exception {
        JsonNode merged = merged();
        List<String> missing = new ArrayList<>();
        for (var service : RunningSystem.SERVICES.entrySet()) {
            JsonNode own = RunningSystem.serviceContract(service.getValue());
            own.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                JsonNode published = merged.path("paths").path(path.getKey()).path(operation.getKey());
                // The gateway adds the refusals it may give itself and the headers it sets on answers (a request id,
                // Retry-After); everything the service says stays as it said it.
                operation.getValue().fields().forEachRemaining(field -> {
                    if (field.getKey().equals("responses")) {
                        field.getValue().fields().forEachRemaining(response -> {
                            if (!response.getValue().equals(asTheServiceSaidIt(published.path("responses")
                                    .path(response.getKey()), response.getValue()))) {
                                missing.add(service.getKey() + " " + operation.getKey() + " " + path.getKey() + " response "
                                        + response.getKey());
                            }
                        });
                    } else if (!field.getValue().equals(published.path(field.getKey()))) {
                        missing.add(service.getKey() + " " + operation.getKey() + " " + path.getKey() + " " + field.getKey());
                    }
                });
            }));
            own.path("components").path("schemas").fields().forEachRemaining(schema -> {
                if (!schema.getValue().equals(merged.path("components").path("schemas").path(schema.getKey()))) {
                    missing.add(service.getKey() + " schema " + schema.getKey() + " (missing, or another service's differs)");
                }
            });
        }
        assertEquals(List.of(), missing, "what the merged contract lost or changed of the services' own");
        assertTrue(merged.path("x-merge-conflicts").isMissingNode(), merged.path("x-merge-conflicts").toString());
        assertNotNull(merged.path("paths").get("/api/v1/provinces/{code}/overview"), "the gateway's own path");
    }

    /** A published response without the headers the gateway added to what the service declared. */
    private static JsonNode asTheServiceSaidIt(JsonNode published, JsonNode own) {
        if (!(published instanceof ObjectNode object) || !published.has("headers")) {
            return published;
        }
        ObjectNode copy = object.deepCopy();
        ObjectNode headers = (ObjectNode) copy.get("headers");
        headers.retain(iterable(own.path("headers").fieldNames()));
        if (headers.isEmpty() && !own.has("headers")) {
            copy.remove("headers");
        }
        return copy;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void isTheContractCommittedForClientsToGenerateFrom() throws Exception {
        JsonNode merged = merged();
        Path served = Path.of("target/openapi.json");
        Files.writeString(served, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
        Path committed = Path.of(System.getProperty("nangsuat.root", "..")).resolve("contract/openapi.json");
        assertEquals(JSON.readTree(committed.toFile()), merged, "the gateway serves another contract than the one "
                + "committed: review the change, then copy e2e-tests/target/openapi.json to contract/openapi.json");
    }

    @Test
    void aClientGeneratedFromItReadsAndWritesThroughEveryService() throws Exception {
        String token = RunningSystem.token("--role", "admin");
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + RunningSystem.GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));

        ProvincesApi provinces = new ProvincesApi(client);
        assertEquals("Cà Mau", provinces.provinceGet("96", null).getName());
        NewUnit unit = new NewUnit().code("09").name("Tỉnh Khách Hàng").kind(UnitKind.PROVINCE)
                .validFrom(LocalDate.of(2032, 1, 1));
        String key = java.util.UUID.randomUUID().toString();  // a retry after a timeout, as a frontend sends one
        ProvinceUnit created = provinces.provinceCreate(unit, key);
        assertEquals(LocalDate.of(2032, 1, 1), created.getValidFrom());
        assertEquals(created, provinces.provinceCreate(unit, key), "the retry answers the first result, creating nothing");

        ObservationsApi observations = new ObservationsApi(client);
        assertEquals("GRDP_CONSTANT", new IndicatorsApi(client).indicatorGet("GRDP_CONSTANT").getCode());
        // 2025 belongs to the new Cà Mau (made of Cà Mau and Bạc Liêu on 2025-07-01): its overview shows it.
        Observation recorded = observations.observationRecord("GRDP_CONSTANT", "2025", "96",
                new ObservationRequest().value(new BigDecimal("81234.5")).status(ObservationStatus.OFFICIAL)
                        .source("Cục Thống kê Cà Mau"), null);
        assertEquals(1, recorded.getRevision());
        assertEquals(0, new BigDecimal("81234.5").compareTo(
                observations.observationGet("GRDP_CONSTANT", "2025", "96", null).getValue()));

        PlansApi plans = new PlansApi(client);
        Plan drafted = plans.planDraft(new NewPlan().unitCode("96").title("Kế hoạch nâng cao năng suất tỉnh Cà Mau 2026-2030")
                .startYear(2026).endYear(2030).legalBasis(LegalBasis.DECISION_36_2021), null);
        assertEquals("DRAFT", plans.planGet(drafted.getId()).getState().getValue());

        // The gateway's own composition, through the same client: the three writes above, in one answer.
        ProvinceOverview overview = new OverviewApi(client).provinceOverview("96", LocalDate.of(2026, 11, 29));
        assertEquals("Cà Mau", overview.getUnit().getName());
        assertEquals(drafted.getId(), overview.getPlan().getId());
        assertEquals(List.of("GRDP_CONSTANT"), overview.getLatestValues().stream().map(HarmonizedValue::getIndicator).toList());
        assertEquals(List.of(), overview.getWarnings());
    }

    private static JsonNode merged() {
        try {
            return JSON.readTree(given().when().get("/openapi.json").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
