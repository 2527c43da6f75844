package vn.nangsuat.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A nullable property that refers to another schema comes out of SmallRye as `anyOf: [$ref, {type: null}]` beside a
 * `type` of its own; when that type is `object` (a record), it says nothing may be null, and a validating client
 * refuses the null the service sends. Null is added to such a type, as SmallRye already does for strings.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableReferences implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        List<Schema> anyOf = schema.getAnyOf();
        List<Schema.SchemaType> types = schema.getType();
        boolean nullable = anyOf != null && anyOf.stream().anyMatch(branch -> branch.getType() != null
                && branch.getType().contains(Schema.SchemaType.NULL));
        if (nullable && types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.NULL)) {
            List<Schema.SchemaType> withNull = new ArrayList<>(types);
            withNull.add(Schema.SchemaType.NULL);
            schema.setType(withNull);
        }
        return schema;
    }
}
