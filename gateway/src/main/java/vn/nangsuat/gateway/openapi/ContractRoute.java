package vn.nangsuat.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.gateway.config.GatewayConfig;
import vn.nangsuat.gateway.routing.GatewayProblems;
import vn.nangsuat.gateway.routing.UpstreamHealth;
import vn.nangsuat.gateway.routing.UpstreamRefusal;
import vn.nangsuat.gateway.routing.Upstreams;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;

/**
 * Serves the merged contract at /openapi.json (Swagger UI at /q/swagger-ui reads it): the services' documents and
 * the gateway's own (resources/contract), and each service's
 * AsyncAPI document at /asyncapi/<service>.yaml. The services' own
 * documents are fetched over HTTP from the running services, since the merge has to work on packaged jars.
 */
@ApplicationScoped
public class ContractRoute {

    public static final String PATH = "/openapi.json";
    private static final String OWN_DOCUMENT = "/contract/gateway-openapi.json";
    private static final Logger LOG = Logger.getLogger(ContractRoute.class);

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final ObjectMapper json;
    private final ContractMerger merger;
    private final GatewayProblems problems;
    private final String version;
    private final UpstreamHealth health;
    /** The paths the gateway answers itself (the overview), merged as if a service of its own had served them. */
    private final JsonNode own;
    private volatile String cached;
    private volatile Instant cachedUntil = Instant.MIN;

    public ContractRoute(GatewayConfig config, Upstreams upstreams, UpstreamHealth health, ObjectMapper json,
            GatewayProblems problems,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.health = health;
        this.problems = problems;
        this.config = config;
        this.upstreams = upstreams;
        this.json = json;
        this.merger = new ContractMerger(json);
        this.version = version;
        try (var document = ContractRoute.class.getResourceAsStream(OWN_DOCUMENT)) {
            this.own = json.readTree(document);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the gateway's own OpenAPI document " + OWN_DOCUMENT + " cannot be read", e);
        }
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::serve);
        router.get("/asyncapi/:document").handler(this::serveAsyncApi);
    }

    /** `/asyncapi/province.yaml`: the AsyncAPI document of one service's events, as that service serves it. */
    private void serveAsyncApi(RoutingContext context) {
        String name = context.pathParam("document").replaceFirst("\\.yaml$", "");
        GatewayConfig.Upstream upstream = config.upstreams().get(name);
        if (upstream == null) {
            List<String> documents = config.upstreams().keySet().stream().sorted()
                    .map(service -> "/asyncapi/" + service + ".yaml").toList();
            problems.write(context, ProblemType.NOT_FOUND, new Text("No service named " + name + "; the documents are "
                    + documents, "Không có dịch vụ tên " + name + "; các tài liệu là " + documents));
            return;
        }
        upstreams.send(health.pick(name).url(), HttpMethod.GET, "/asyncapi.yaml", MultiMap.caseInsensitiveMultiMap(), null)
                .onSuccess(answer -> {
                    if (answer.status() == 200) {
                        context.response().putHeader("Content-Type", "application/yaml;charset=UTF-8").end(answer.body());
                    } else {
                        problems.write(context, ProblemType.UPSTREAM_UNAVAILABLE, new Text("The " + name
                                + " service answered " + answer.status(), "Dịch vụ " + name + " trả lời " + answer.status()));
                    }
                })
                .onFailure(failure -> problems.write(context, ProblemType.UPSTREAM_UNAVAILABLE,
                        new Text("The " + name + " service cannot be reached", "Không kết nối được tới dịch vụ " + name)));
    }

    private void serve(RoutingContext context) {
        String current = cached;
        if (current != null && Instant.now().isBefore(cachedUntil)) {
            send(context, current);
            return;
        }
        Map<String, Future<JsonNode>> fetches = new LinkedHashMap<>();
        config.upstreams().forEach((name, upstream) -> fetches.put(name, fetch(name, upstream)));
        List<Future<JsonNode>> all = new ArrayList<>(fetches.values());
        Future.join(all).onComplete(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            documents.put("gateway", own);
            fetches.forEach((name, fetch) -> documents.put(name, fetch.succeeded() ? fetch.result() : null));
            try {
                ObjectNode contract = merger.merge(documents, version);
                linkEventContracts(contract);
                String merged = json.writerWithDefaultPrettyPrinter().writeValueAsString(contract);
                if (!documents.containsValue(null)) {
                    cached = merged;
                    cachedUntil = Instant.now().plus(config.openapiCacheTime());
                }
                send(context, merged);
            } catch (IOException e) {
                context.fail(e);
            }
        });
    }

    /** OpenAPI has no place for the events the services publish: their AsyncAPI documents are linked from info. */
    private void linkEventContracts(ObjectNode contract) {
        ObjectNode info = (ObjectNode) contract.get("info");
        StringBuilder description = new StringBuilder(info.path("description").asText())
                .append("\n\nThe events each service publishes on Kafka are described in AsyncAPI:");
        ArrayNode links = contract.putArray("x-event-contracts");
        config.upstreams().keySet().stream().sorted().forEach(name -> {
            String url = "/asyncapi/" + name + ".yaml";
            description.append(" [").append(UpstreamRefusal.serviceName(name)).append("](").append(url).append(")");
            links.addObject().put("service", UpstreamRefusal.serviceName(name)).put("url", url);
        });
        info.put("description", description.append('.').toString());
    }

    private Future<JsonNode> fetch(String name, GatewayConfig.Upstream upstream) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json");
        return upstreams.send(health.pick(name).management(), HttpMethod.GET, "/q/openapi?format=json", headers, null)
                .compose(answer -> {
                    if (answer.status() != 200) {
                        return Future.failedFuture(name + " answered " + answer.status());
                    }
                    try {
                        return Future.succeededFuture(json.readTree(answer.body().getBytes()));
                    } catch (IOException e) {
                        return Future.failedFuture(e);
                    }
                })
                .onFailure(failure -> LOG.warnf("OpenAPI document of %s unavailable: %s", name, failure.getMessage()));
    }

    private static void send(RoutingContext context, String document) {
        context.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(document);
    }
}
