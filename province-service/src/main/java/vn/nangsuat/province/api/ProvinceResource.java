package vn.nangsuat.province.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.problem.Problem;
import vn.nangsuat.kit.web.QueryParams;
import vn.nangsuat.province.domain.ProvinceCatalog;
import vn.nangsuat.province.domain.Region;
import vn.nangsuat.province.domain.UnitKind;
import vn.nangsuat.province.domain.UnitVersion;

@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provinces", description = "Provincial-level units over time: the 63 until 2025-06-30, the 34 from 2025-07-01")
public class ProvinceResource {

    private static final String CODE = "\\d{2}";

    private final ProvinceCatalog catalog;
    private final Clock clock;

    public ProvinceResource(ProvinceCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List the units in force on a date",
            description = "Sorted by code. The same query on 2025-06-30 and 2025-07-01 gives the 63 and the 34 units.")
    @APIResponse(responseCode = "200", description = "One page of units; Link headers point to the other pages",
            content = @Content(schema = @Schema(implementation = ProvinceUnitPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Date the units are in force (ISO 8601); default today",
                    schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2025-07-01")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Only units of this socio-economic region",
                    schema = @Schema(implementation = Region.class)) @QueryParam("region") String region,
            @Parameter(description = "Only provinces or only centrally-run cities",
                    schema = @Schema(implementation = UnitKind.class)) @QueryParam("kind") String kind,
            @BeanParam PageParams paging,
            @Context UriInfo uri) {
        LocalDate date = QueryParams.date("asOf", asOf, LocalDate.now(clock));
        return catalog.unitsOn(date,
                        QueryParams.enumValue("region", region, Region.class),
                        QueryParams.enumValue("kind", kind, UnitKind.class), paging.toRequest())
                .map(ProvinceMapper::toResponse)
                .toResponse(uri);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One unit as it stood on a date")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = ProvinceUnit.class)))
    @APIResponse(responseCode = "400", description = "The code or date is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit has this code on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProvinceUnit get(
            @Parameter(description = "Two-digit administrative code", example = "38") @PathParam("code") String code,
            @Parameter(description = "Date (ISO 8601); default today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf) {
        QueryParams.matching("code", code, CODE, "a two-digit code such as 38");
        UnitVersion version = catalog.unitOn(code, QueryParams.date("asOf", asOf, LocalDate.now(clock)));
        return ProvinceMapper.toResponse(version);
    }

    /** Names the page of units in the OpenAPI document; the body is a {@link Page} of {@link ProvinceUnit}. */
    @Schema(name = "ProvinceUnitPage")
    public record ProvinceUnitPage(java.util.List<ProvinceUnit> items, int page, int size, long totalItems) {
    }
}
