package vn.nangsuat.indicator.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The indicator and period an aggregate or cross-section is of, declared once (`@Valid @BeanParam IndicatorPeriod`). */
public class IndicatorPeriod {

    @QueryParam("indicator")
    @NotNull
    @Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED)
    @Parameter(description = "Indicator code", example = "LABOUR_PRODUCTIVITY", required = true)
    public String indicator;

    /** Checked against the indicator's periodicity by the domain, which says which form it needs. */
    @QueryParam("period")
    @NotNull
    @Parameter(description = "A period of the indicator's form: 2024, 2024Q1 or 2024-01", example = "2024", required = true)
    public String period;
}
