package vn.nangsuat.indicator.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.indicator.domain.IndicatorRegistry;
import vn.nangsuat.kit.idempotency.IdempotentCreate;
import vn.nangsuat.kit.openapi.TaggedAnswer;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.web.SharedCaching;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "What is measured: GRDP, employed workers, labour productivity, its growth, TFP contribution")
public class IndicatorResource {

    private final IndicatorCatalog catalog;
    private final IndicatorRegistry registry;

    public IndicatorResource(IndicatorCatalog catalog, IndicatorRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    @GET
    @Cache(sMaxAge = SharedCaching.SECONDS)
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
    @Cache(sMaxAge = SharedCaching.SECONDS)
    @Path("/{code}")
    @Operation(summary = "One indicator definition",
            description = "Carries an ETag; send it back as If-None-Match for a 304.")
    @APIResponse(responseCode = "200", description = "The definition",
            content = @Content(schema = @Schema(implementation = Indicator.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "The code is malformed")
    @APIResponse(responseCode = "404", description = "No indicator has this code")
    public Response get(@Parameter(description = "Indicator code", example = "LABOUR_PRODUCTIVITY")
            @PathParam("code") @Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED)
            String code, @Context Request request) {
        IndicatorDefinition definition = catalog.definition(code);
        EntityTag etag = EntityTag.valueOf(definition.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(IndicatorMapper.toResponse(definition))).tag(etag).build();
    }

    @TaggedAnswer
    @IdempotentCreate
    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an indicator to the catalogue (admin)",
            description = "A RATIO names two additive indicators of the same periodicity, a GROWTH its base; ADDITIVE and "
                    + "REPORTED name no parts. Publishes indicator.defined.")
    @APIResponse(responseCode = "201", description = "Defined; Location names it, ETag tags it",
            content = @Content(schema = @Schema(implementation = Indicator.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or a part is missing, unknown or unfit")
    @APIResponse(responseCode = "409", description = "The code is already defined")
    public Response define(@Valid @NotNull IndicatorRequests.NewIndicator body) {
        IndicatorRegistry.Written written = registry.define(body.toDefinition());
        return Response.created(UriBuilder.fromPath("/api/v1/indicators/{code}").build(written.definition().code))
                .entity(IndicatorMapper.toResponse(written.definition())).tag(EntityTag.valueOf(written.etag())).build();
    }

    @TaggedAnswer
    @PATCH
    @Path("/{code}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a definition (admin)",
            description = "Names, unit, decimals, direction and description; fields left out keep their value. "
                    + "If-Match must carry the ETag a read returned. Publishes indicator.changed.")
    @APIResponse(responseCode = "200", description = "The corrected definition, with its new ETag",
            content = @Content(schema = @Schema(implementation = Indicator.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid or changes nothing")
    @APIResponse(responseCode = "404", description = "No indicator has this code")
    @APIResponse(responseCode = "412", description = "The definition changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response correct(
            @PathParam("code") @Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull IndicatorRequests.IndicatorCorrection body) {
        IndicatorRegistry.Written written = registry.correct(code, body.toCorrection(), ifMatch);
        return Response.ok(IndicatorMapper.toResponse(written.definition())).tag(EntityTag.valueOf(written.etag())).build();
    }

    /** Names the page of indicators in the OpenAPI document. */
    @Schema(name = "IndicatorPage")
    public record IndicatorPage(List<Indicator> items, int page, int size, long totalItems) {
    }
}
