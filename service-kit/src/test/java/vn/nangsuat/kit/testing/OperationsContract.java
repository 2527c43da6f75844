package vn.nangsuat.kit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What operators and the gateway rely on in every service: readiness that checks the database and Kafka,
 * liveness, Prometheus metrics and an OpenAPI document the gateway can merge. A service's test class
 * extends this (annotated @QuarkusTest) and names one of its own endpoints.
 */
public abstract class OperationsContract {

    /** A GET path of the service that answers 200, e.g. /api/v1/provinces/38. */
    protected abstract String samplePath();

    /** The OpenAPI path template that documents it, e.g. /api/v1/provinces/{code}. */
    protected abstract String samplePathTemplate();

    @Test
    void readinessGatesOnTheDatabaseAndReportsKafkaWithoutGatingOnIt() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Events"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.find { it.name == 'Events' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Events' }.data", hasKey("kafka"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get(samplePath()).then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("http_server_requests_seconds_count"))
                .body(containsString("outbox_lag_seconds")).body(containsString("outbox_pending"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndTheProblemShape() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'" + samplePathTemplate() + "'.get.summary", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    void everyRefusalTheDocumentDescribesIsAProblem() {
        Map<String, Map<String, Map<String, Object>>> paths =
                given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                        .extract().jsonPath().getMap("paths");
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

    private static Object problemSchemaOf(Object response) {
        Object schema = problemMediaOf(response).get("schema");
        return schema instanceof Map<?, ?> ref ? ref.get("$ref") : "no application/problem+json schema";
    }

    private static Object exampleStatusOf(Object response) {
        Object example = problemMediaOf(response).get("example");
        return example instanceof Map<?, ?> problem ? problem.get("status") : "none";
    }

    private static Map<?, ?> problemMediaOf(Object response) {
        Object content = ((Map<?, ?>) response).get("content");
        Object media = content instanceof Map<?, ?> types ? types.get("application/problem+json") : null;
        return media instanceof Map<?, ?> type ? type : Map.of();
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
