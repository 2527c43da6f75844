package vn.nangsuat.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An answer's property is required unless it may be null: every answer carries every property (Jackson writes nulls
 * too), so a client generated from the contract needs no check the API does not need. Applied to the schemas that
 * answers use, followed through references, arrays and nested objects, and only where a schema names no required
 * properties itself (an answer that leaves empty fields out, as a problem does, says which it always has). Request
 * schemas are left alone: what a client may leave out is said by their validation.
 * <p>
 * The e2e run and the contract check validate real answers against the document, so a property said to be required
 * that an answer leaves out fails them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RequiredProperties implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        Set<Schema> seen = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> schemasOf(response.getContent()).forEach(
                                schema -> requireNonNullable(schema, components, seen)));
            }
        }));
    }

    private static List<Schema> schemasOf(Content content) {
        List<Schema> schemas = new ArrayList<>();
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> {
                if (media.getSchema() != null) {
                    schemas.add(media.getSchema());
                }
            });
        }
        return schemas;
    }

    private static void requireNonNullable(Schema schema, Map<String, Schema> components, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT_PREFIX) && components != null) {
            requireNonNullable(components.get(schema.getRef().substring(COMPONENT_PREFIX.length())), components, seen);
        }
        requireNonNullable(schema.getItems(), components, seen);
        for (List<Schema> branches : List.of(nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()),
                nonNull(schema.getAllOf()))) {
            branches.forEach(branch -> requireNonNullable(branch, components, seen));
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            requireNonNullable(schema.getAdditionalPropertiesSchema(), components, seen);
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.isEmpty()) {
            return;
        }
        if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
            List<String> required = properties.entrySet().stream().filter(property -> !admitsNull(property.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (!required.isEmpty()) {
                schema.setRequired(new ArrayList<>(required));
            }
        }
        properties.values().forEach(property -> requireNonNullable(property, components, seen));
    }

    /** Null is allowed by the type itself (`["string", "null"]`) or by a branch (`anyOf: [$ref, {type: null}]`). */
    static boolean admitsNull(Schema property) {
        if (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> branches : List.of(nonNull(property.getAnyOf()), nonNull(property.getOneOf()))) {
            if (branches.stream().anyMatch(branch -> branch.getType() != null
                    && branch.getType().contains(Schema.SchemaType.NULL))) {
                return true;
            }
        }
        return false;
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
