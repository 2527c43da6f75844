package vn.nangsuat.indicator.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.nangsuat.kit.web.UnitCodes;

/** The three path parameters that name a value, declared once (`@Valid @BeanParam ObservationKey`). */
public class ObservationKey {

    @PathParam("unit")
    @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE)
    @Parameter(description = "Unit code", example = "19")
    public String unit;

    @PathParam("indicator")
    @Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED)
    @Parameter(description = "Indicator code", example = "GRDP")
    public String indicator;

    /** Checked against the indicator's periodicity by the registry, which says which form it needs. */
    @PathParam("period")
    @Parameter(description = "2024, 2024Q1 or 2024-01, as the indicator's periodicity says", example = "2024")
    public String period;
}
