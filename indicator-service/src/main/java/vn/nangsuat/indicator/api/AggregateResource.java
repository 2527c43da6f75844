package vn.nangsuat.indicator.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.web.CsvWriter;

/**
 * Every answer here is a read model's ({@link IndicatorReadModels}): kept current from the values, definitions and
 * units, with an ETag, and a lifetime a shared cache may keep it for.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aggregates", description = "Indicators for the country, a region or every unit, combined correctly")
public class AggregateResource {

    private final IndicatorReadModels models;

    public AggregateResource(IndicatorReadModels models) {
        this.models = models;
    }

    @GET
    @Path("/aggregates")
    @Operation(summary = "An indicator for the country or a region in a period",
            description = "From the units in force on the period's last day (never the country, VN, which is a unit of "
                    + "its own): additive values summed; a ratio (labour productivity) recomputed from its summed parts "
                    + "over the units that have both, never a sum or mean of ratios; a growth from its base in this period "
                    + "and the one before over the same territory: the units in force now, each with the units it was made "
                    + "of the period before; a reported-only indicator is refused. The answer names the units counted and "
                    + "those left out, its coverage (units counted of those in force, the share of the denominator they "
                    + "hold, complete only when every unit counts), the statuses used, and for the country the figure "
                    + "recorded for VN as published beside it. Periods ending before 2008-08-01 are refused."
                    + IndicatorRequests.KEPT_CURRENT)
    @APIResponse(responseCode = "200", description = "The aggregate",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AggregateView.class)),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the indicator is never aggregated")
    @APIResponse(responseCode = "404", description = "The indicator is unknown")
    @NonBlocking  // a lookup of what is held, on the event loop (IndicatorReadModels)
    public Uni<Response> national(@Valid @BeanParam IndicatorPeriod of,
            @Parameter(description = "Only the units of this socio-economic region", example = "NORTHERN_MIDLANDS_MOUNTAINS")
            @QueryParam("region") @Pattern(regexp = "[A-Z_]{1,40}", message = "{region.pattern}")
            String region,
            @Parameter(description = IndicatorRequests.AS_OF,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf, @Context Request request, @Context HttpHeaders headers) {
        return models.aggregate(new IndicatorReadModels.AggregateOf(of.indicator, of.period, region, asOf))
                .map(answer -> answer.toResponse(request, headers));
    }

    @GET
    @Path("/aggregates/series")
    @Operation(summary = "An indicator for the country or a region, period by period: a chart's line",
            description = "Each period combined as /aggregates combines it, from the units in force on its last day, a "
                    + "growth over the same territory in both periods: the line is comparable across the 2025 mergers, "
                    + "nationally and for a region. At most 240 periods." + IndicatorRequests.KEPT_CURRENT)
    @APIResponse(responseCode = "200", description = "The aggregates, oldest first",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AggregateSeriesView.class)),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid, or the indicator is never aggregated")
    @APIResponse(responseCode = "404", description = "The indicator is unknown")
    @NonBlocking
    public Uni<Response> series(
            @Parameter(description = "Indicator code", example = "LABOUR_PRODUCTIVITY", required = true)
            @QueryParam("indicator") @NotNull
            @Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String indicator,
            @Parameter(description = "First period, of the indicator's form", example = "2016", required = true)
            @QueryParam("from") @NotNull String from,
            @Parameter(description = "Last period, of the indicator's form", example = "2025", required = true)
            @QueryParam("to") @NotNull String to,
            @Parameter(description = "Only the units of this socio-economic region", example = "NORTHERN_MIDLANDS_MOUNTAINS")
            @QueryParam("region") @Pattern(regexp = "[A-Z_]{1,40}", message = "{region.pattern}")
            String region,
            @Parameter(description = IndicatorRequests.AS_OF,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf, @Context Request request, @Context HttpHeaders headers) {
        return models.aggregateSeries(new IndicatorReadModels.AggregateSeries(indicator, from, to, region, asOf))
                .map(answer -> answer.toResponse(request, headers));
    }

    @GET
    @Path("/cross-sections")
    @Operation(summary = "An indicator for every unit in force in a period, ranked, with the national value beside it",
            description = "The units in force on the period's last day. A unit's value is the reported one, or derived "
                    + "from its components where not reported (a ratio from its parts; a growth from its base on the same "
                    + "territory in both periods, so a merged unit's growth is its harmonised one), marked so. Beside them "
                    + "the national aggregate with its coverage, and the figure recorded for VN as published."
                    + IndicatorRequests.KEPT_CURRENT)
    @APIResponse(responseCode = "200", description = "The cross-section",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CrossSectionView.class)),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    @APIResponse(responseCode = "404", description = "The indicator is unknown")
    @NonBlocking
    public Uni<Response> crossSection(@Valid @BeanParam IndicatorPeriod of,
            @Parameter(description = IndicatorRequests.AS_OF,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf, @Context Request request, @Context HttpHeaders headers) {
        return models.crossSection(new IndicatorReadModels.CrossSection(of.indicator, of.period, asOf))
                .map(answer -> answer.toResponse(request, headers));
    }
}
