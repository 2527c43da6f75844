package vn.nangsuat.plan.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.TargetKind;
import vn.nangsuat.plan.domain.TargetRegistry;

@Schema(name = "NewTarget", description = "A target of a plan on one yearly indicator of its unit")
public record TargetRequest(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "{indicatorCode.pattern}")
        @Schema(examples = "LABOUR_PRODUCTIVITY_CONSTANT") String indicator,
        @NotNull TargetKind kind,
        @NotNull @Min(value = PlanRequests.FIRST_YEAR, message = PlanRequests.YEAR_EXPECTED)
        @Max(value = PlanRequests.LAST_YEAR, message = PlanRequests.YEAR_EXPECTED)
        @Schema(description = "The year progress is measured from; for CUMULATIVE the first year counted", examples = "2020")
        Integer baselineYear,
        @Digits(integer = 18, fraction = 6)
        @Schema(description = "Null: the value observed in the baseline year. Ignored for CUMULATIVE.", nullable = true,
                examples = "95.2") BigDecimal baselineValue,
        @NotNull @Min(value = PlanRequests.FIRST_YEAR, message = PlanRequests.YEAR_EXPECTED)
        @Max(value = PlanRequests.LAST_YEAR, message = PlanRequests.YEAR_EXPECTED)
        @Schema(examples = "2025") Integer targetYear,
        @NotNull @Digits(integer = 18, fraction = 6)
        @Schema(description = "LEVEL: the value to reach; GROWTH: the average growth in % a year; CUMULATIVE: the total",
                examples = "7") BigDecimal targetValue) {

    TargetRegistry.NewTarget toNewTarget() {
        return new TargetRegistry.NewTarget(indicator, kind, baselineYear, baselineValue, targetYear, targetValue);
    }
}
