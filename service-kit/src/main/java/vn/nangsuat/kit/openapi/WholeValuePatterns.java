package vn.nangsuat.kit.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * A Bean Validation {@code @Pattern} must match the whole value, while a JSON Schema {@code pattern} only has to be
 * found somewhere in it: {@code \d{2}} refuses {@code 99x} in the service but allows it in the contract. Every
 * pattern is published anchored, so clients and validating proxies refuse what the service refuses; except the
 * {@code \S} that SmallRye writes for {@code @NotBlank}, which means "holds a non-blank character" only unanchored.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class WholeValuePatterns implements OASFilter {

    private static final String NOT_BLANK = "\\S";

    @Override
    public Schema filterSchema(Schema schema) {
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.equals(NOT_BLANK) && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
        return schema;
    }
}
