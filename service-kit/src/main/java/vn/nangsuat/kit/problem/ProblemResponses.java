package vn.nangsuat.kit.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemType;

/**
 * Every refusal of a service is problem+json (see {@link ProblemMappers}), so the OpenAPI document says so in this
 * one place: each 4xx or 5xx response an operation declares without content, including the 401 and 403 Quarkus adds
 * to secured operations, gets the Problem schema as application/problem+json. An operation then names only the status
 * and what it means there. Every operation can be answered 400 (a malformed parameter or request target, a body that
 * cannot be read), so one that does not declare it gets a general 400.
 * <p>
 * The definition puts the Problem schema into every service's components; its info is replaced by each service's
 * {@code mp.openapi.extensions.smallrye.info.*} settings.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
@OpenAPIDefinition(info = @Info(title = "service", version = "1"),
        components = @Components(schemas = @Schema(name = ProblemResponses.SCHEMA, implementation = Problem.class)))
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values()
                .forEach(item -> item.getOperations().values().forEach(ProblemResponses::describeRefusals));
    }

    private static void describeRefusals(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (!operation.getResponses().hasAPIResponse("400")) {
            operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description(
                    "The request is malformed: a parameter, the request target or the body cannot be read"));
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (isRefusal(status) && hasNoContent(response)) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))
                                .example(example(Integer.parseInt(status), response.getDescription()))));
            }
        });
    }

    /** A refusal of this type with its problem body and example, for a filter that adds a response of its own. */
    public static APIResponse refusal(ProblemType type, String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA))
                        .example(example(type.slug(), type.title(Locale.ENGLISH), type.status(), description))));
    }

    /**
     * What this refusal looks like: its own status and title, the response's description as the detail. No
     * instance: Quarkus shares one 401 and one 403 response object among the secured operations.
     */
    private static Map<String, Object> example(int status, String description) {
        boolean invalidInput = status == 400;  // the 400s operations document are invalid parameters or bodies
        return example(invalidInput ? ProblemType.INVALID_INPUT.slug() : Problems.slugOf(status),
                invalidInput ? ProblemType.INVALID_INPUT.title(Locale.ENGLISH) : Problems.titleOf(status), status, description);
    }

    private static Map<String, Object> example(String slug, String title, int status, String description) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problem.TYPE_BASE + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", description);
        problem.put("requestId", "3f1c9a52-7d4e-4b8a-9a41-0c2e5d6f7a81");
        return problem;
    }

    private static boolean isRefusal(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static boolean hasNoContent(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }
}
