package vn.nangsuat.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.IndexView;
import vn.nangsuat.http.AnswerHeaders;
import vn.nangsuat.http.AnswerHeaders.Declared;

/**
 * Declares on each response the headers it carries, so that a generated client exposes them: `Location` on a 201 or
 * 202, `ETag` on a JSON read (and a 304 for a matching If-None-Match) and on a {@link TaggedAnswer} write, `Age` on
 * a read (when the gateway's cache answered), `Link` on a paged list, `Retry-After` on a 202, 429 or 503,
 * `Content-Disposition` on a CSV answer. The gateway adds `X-Request-Id` to every response when it merges the
 * documents (it sets one on every answer). The rules follow what service-kit does for every service, so they hold
 * for every operation; the e2e run checks the headers of real answers against them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AnswerHeaderDocs implements OASFilter {

    /** A list paged by number links its other pages; the change feed (a cursor in its body) does not. */
    private static final Set<String> PAGING_PARAMETERS = Set.of("page");

    private final Set<String> tagged;

    public AnswerHeaderDocs(IndexView index) {
        this.tagged = OperationIds.ofMethodsAnnotated(index, TaggedAnswer.class);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        for (Declared header : AnswerHeaders.ALL) {
            openAPI.getComponents().addHeader(header.name(), OASFactory.createHeader().description(header.description())
                    .schema(OASFactory.createSchema().addType(header.seconds() ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING)));
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().forEach(this::declare));
    }

    private void declare(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        boolean read = method == PathItem.HttpMethod.GET;
        boolean paged = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY && PAGING_PARAMETERS.contains(parameter.getName()));
        Map<String, APIResponse> responses = Map.copyOf(operation.getResponses().getAPIResponses());
        responses.forEach((status, response) -> {
            boolean json = carries(response, "application/json");
            switch (status) {
                case "200" -> {
                    if (read && json || tagged.contains(operation.getOperationId())) {
                        add(response, AnswerHeaders.ETAG);
                    }
                    if (read) {
                        add(response, AnswerHeaders.AGE);
                    }
                    if (read && paged) {
                        add(response, AnswerHeaders.LINK);
                    }
                }
                case "201" -> {
                    add(response, AnswerHeaders.LOCATION);
                    if (tagged.contains(operation.getOperationId())) {
                        add(response, AnswerHeaders.ETAG);
                    }
                }
                case "202" -> {
                    add(response, AnswerHeaders.LOCATION);
                    add(response, AnswerHeaders.RETRY_AFTER);
                }
                case "429", "503" -> add(response, AnswerHeaders.RETRY_AFTER);
                default -> { }
            }
            if (carries(response, "text/csv")) {
                add(response, AnswerHeaders.CONTENT_DISPOSITION);
            }
            if (read && json && status.equals("200")) {
                if (!operation.getResponses().hasAPIResponse("304")) {
                    operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                            .description("Not Modified: If-None-Match named the answer's ETag, which still holds"));
                }
                add(operation.getResponses().getAPIResponse("304"), AnswerHeaders.ETAG);
            }
        });
    }

    private static boolean carries(APIResponse response, String mediaType) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && response.getContent().getMediaTypes().keySet().stream().anyMatch(type -> type.startsWith(mediaType));
    }

    private static void add(APIResponse response, Declared header) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(header.name())) {
            response.addHeader(header.name(), OASFactory.createHeader().ref(header.ref()));
        }
    }
}
