package vn.nangsuat.indicator.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.web.Preconditions;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "What is measured: GRDP, employed workers, labour productivity, its growth, TFP contribution")
public class IndicatorResource {

    private final IndicatorCatalog catalog;

    public IndicatorResource(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "List the indicator definitions", description = "Sorted by code.")
    @APIResponse(responseCode = "200", description = "One page of definitions; Link headers point to the other pages",
            content = @Content(schema = @Schema(implementation = IndicatorPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response list(@Valid @BeanParam PageParams paging, @Context UriInfo uri, @Context Request request) {
        String dataTag = catalog.tag();  // before the read: a change in between gives a newer tag next time
        return catalog.definitions(paging.toRequest()).map(IndicatorMapper::toResponse).toResponse(uri, request, dataTag);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One indicator definition",
            description = "Carries an ETag; send it back as If-None-Match for a 304.")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(schema = @Schema(implementation = Indicator.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "The code is malformed")
    @APIResponse(responseCode = "404", description = "No indicator has this code")
    public Response get(@Parameter(description = "Indicator code", example = "LABOUR_PRODUCTIVITY")
            @PathParam("code") @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be an indicator code such as GRDP")
            String code, @Context Request request) {
        IndicatorDefinition definition = catalog.definition(code);
        EntityTag etag = EntityTag.valueOf(Preconditions.etag(definition.code, definition.rowVersion));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(IndicatorMapper.toResponse(definition))).tag(etag).build();
    }

    /** Names the page of indicators in the OpenAPI document. */
    @Schema(name = "IndicatorPage")
    public record IndicatorPage(List<Indicator> items, int page, int size, long totalItems) {
    }
}
