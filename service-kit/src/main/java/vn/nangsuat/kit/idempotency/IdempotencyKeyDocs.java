package vn.nangsuat.kit.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.IndexView;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.kit.openapi.OperationIds;
import vn.nangsuat.kit.problem.ProblemResponses;

/**
 * Says in the document what {@link IdempotentCreate} does: on each such operation, the optional `Idempotency-Key`
 * header, the 409 (a request with the key in flight) and 422 (the key used for another request), and the
 * `Idempotent-Replayed` header of a repeated answer. Operations are matched to their methods by operationId.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyDocs implements OASFilter {

    private final Set<String> idempotent;

    public IdempotencyKeyDocs(IndexView index) {
        this.idempotent = OperationIds.ofMethodsAnnotated(index, IdempotentCreate.class);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().stream()
                .filter(operation -> idempotent.contains(operation.getOperationId()))
                .forEach(IdempotencyKeyDocs::declare));
    }

    private static void declare(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name(IdempotentCreates.HEADER).in(Parameter.In.HEADER)
                .description("Makes a retry safe: the same key and body answer the first result again (with "
                        + IdempotentCreates.REPLAYED + ": true) instead of creating twice; another body with the key is a"
                        + " 422, a request with the key still in flight a 409. Keys are the caller's own; any string of 1"
                        + " to 200 visible ASCII characters, a UUID for instance")
                .example("5f0c1b9e-8a1d-4c4e-9f59-2b7f3e0f6a11")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^[\\x21-\\x7E]{1,200}$")));
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(IdempotentCreates.REPLAYED, OASFactory.createHeader()
                        .description("true when this is the first answer to the same Idempotency-Key, given again")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
            }
        });
        addProblem(operation, ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                "A request with this Idempotency-Key is still in flight: send again shortly");
        addProblem(operation, ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used for another request: use a new key");
    }

    private static void addProblem(Operation operation, ProblemType type, String description) {
        String status = Integer.toString(type.status());
        APIResponse existing = operation.getResponses().getAPIResponse(status);
        if (existing != null) {
            existing.description(existing.getDescription() + "; or: " + description);
            return;
        }
        operation.getResponses().addAPIResponse(status, ProblemResponses.refusal(type, description));
    }
}
