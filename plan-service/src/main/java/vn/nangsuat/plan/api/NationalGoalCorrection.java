package vn.nangsuat.plan.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.Comparator;
import vn.nangsuat.plan.domain.GoalMeasure;
import vn.nangsuat.plan.domain.NationalGoalRegistry;

@Schema(name = "NationalGoalCorrection", description = "Corrections of a national goal; fields left out keep their value")
public record NationalGoalCorrection(
        @Schema(nullable = true) Comparator comparator,
        @Digits(integer = 9, fraction = 3) @Schema(nullable = true, examples = "12") BigDecimal low,
        @Digits(integer = 9, fraction = 3) @Schema(description = "For BETWEEN only", nullable = true, examples = "15")
        BigDecimal high,
        @Size(min = 1, max = 60) @Schema(nullable = true) String unit,
        @Size(min = 1, max = 1000) @Schema(nullable = true) String description,
        @Size(min = 1, max = 300) @Schema(nullable = true, examples = "Decision 36/QĐ-TTg, Article 1") String source,
        @Schema(description = "True once checked against the legal text", nullable = true) Boolean verified,
        @Schema(nullable = true) GoalMeasure measure,
        @Min(value = 2000, message = PlanRequests.YEAR_EXPECTED) @Max(value = 2100, message = PlanRequests.YEAR_EXPECTED)
        @Schema(nullable = true) Integer baselineYear,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "{indicatorCode.pattern}")
        @Schema(nullable = true) String numerator,
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "{indicatorCode.pattern}")
        @Schema(nullable = true) String denominator) {

    NationalGoalRegistry.Correction toCorrection() {
        return new NationalGoalRegistry.Correction(comparator, low, high, unit, description, source, verified, measure,
                baselineYear, numerator, denominator);
    }
}
