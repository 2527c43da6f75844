package vn.nangsuat.kit.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The `page` and `size` query parameters of every list endpoint, declared once (`@Valid @BeanParam PageParams`).
 * Typed by {@link vn.nangsuat.kit.web.ParamConverters} (`page=x` is a 400 naming `page`) and bounded by Bean
 * Validation (`size=501` is a 400 naming `size`); the bounds and defaults appear in the OpenAPI document.
 */
public class PageParams {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Page number, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("" + PageRequest.DEFAULT_SIZE)
    @Min(1)
    @Max(PageRequest.MAX_SIZE)
    @Parameter(description = "Page size, 1 to " + PageRequest.MAX_SIZE)
    public int size;

    public PageRequest toRequest() {
        return new PageRequest(page, size);
    }
}
