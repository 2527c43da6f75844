package vn.nangsuat.province.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators and the gateway rely on: health, metrics and the OpenAPI document. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/api/v1/provinces/38").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theOpenApiDocumentDescribesTheProvinceEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/provinces'.get.summary", notNullValue())
                .body("paths.'/api/v1/provinces/{code}'.get.responses.'404'", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }
}
