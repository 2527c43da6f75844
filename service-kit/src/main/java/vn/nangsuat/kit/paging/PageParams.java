package vn.nangsuat.kit.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The `page` and `size` query parameters of every list endpoint, declared once (`@BeanParam PageParams`).
 * Kept as raw strings so that {@link PageRequest#parse} can refuse bad ones with a 400 naming the parameter.
 */
public class PageParams {

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to " + PageRequest.MAX_SIZE,
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "" + PageRequest.DEFAULT_SIZE))
    public String size;

    public PageRequest toRequest() {
        return PageRequest.parse(page, size);
    }
}
