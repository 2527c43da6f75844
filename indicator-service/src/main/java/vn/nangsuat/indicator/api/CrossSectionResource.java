package vn.nangsuat.indicator.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.indicator.domain.Aggregates;

@Path("/api/v1/cross-sections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aggregates", description = "Indicators for the country or a region, combined correctly")
public class CrossSectionResource {

    private final Aggregates aggregates;

    public CrossSectionResource(Aggregates aggregates) {
        this.aggregates = aggregates;
    }

    @GET
    @Operation(summary = "An indicator for every unit in force in a period, ranked, with the national value beside it",
            description = "The units in force on the period's last day. A unit's value is the reported one, or derived "
                    + "from its components where not reported (a ratio from its parts, a growth from its base), marked so.")
    @APIResponse(responseCode = "200", description = "The cross-section",
            content = @Content(schema = @Schema(implementation = CrossSectionView.class)))
    @APIResponse(responseCode = "404", description = "The indicator is unknown")
    public CrossSectionView crossSection(
            @Parameter(description = "Indicator code", example = "LABOUR_PRODUCTIVITY", required = true)
            @QueryParam("indicator") @NotNull
            @Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String indicator,
            @Parameter(description = "A period of the indicator's form", example = "2024", required = true)
            @QueryParam("period") @NotNull String period,
            @Parameter(description = "The values as they stood at this instant (ISO 8601); default now",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf) {
        return CrossSectionView.of(aggregates.crossSection(indicator, period, asOf));
    }
}
