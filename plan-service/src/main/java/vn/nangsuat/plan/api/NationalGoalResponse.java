package vn.nangsuat.plan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.Comparator;

@Schema(name = "NationalGoal", description = "A goal of Decision 36/QĐ-TTg for one year")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NationalGoalResponse(
        @Schema(examples = "PROVINCES_WITH_PLAN") String code,
        @Schema(description = "The goal is to be met by the end of this year", examples = "2025") int year,
        @Schema(description = "How low (and high) are meant") Comparator comparator,
        @Schema(examples = "12") BigDecimal low,
        @Schema(description = "Upper bound, for BETWEEN only", examples = "15") BigDecimal high,
        @Schema(examples = "provinces") String unit,
        String description,
        @Schema(description = "Where the figure comes from") String source,
        @Schema(description = "False until checked against the legal text") boolean verified) {
}
