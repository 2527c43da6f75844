package vn.nangsuat.plan.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.Comparator;
import vn.nangsuat.plan.domain.GoalMeasure;
import vn.nangsuat.plan.domain.ProgressStatus;

@Schema(name = "NationalGoal", description = "A goal of Decision 36/QĐ-TTg for one year")
public record NationalGoalResponse(
        @Schema(examples = "PROVINCES_WITH_PLAN") String code,
        @Schema(description = "The goal is to be met by the end of this year", examples = "2025") int year,
        @Schema(description = "How low (and high) are meant") Comparator comparator,
        @Schema(examples = "12") BigDecimal low,
        @Schema(description = "Upper bound, for BETWEEN only (null otherwise)", examples = "15", nullable = true) BigDecimal high,
        @Schema(examples = "provinces") String unit,
        String description,
        @Schema(description = "Where the figure comes from") String source,
        @Schema(description = "False until checked against the legal text") boolean verified,
        @Schema(description = "How it is measured: PLANS (provinces with an approved Decision 36 plan), RATIO_GROWTH "
                + "(average yearly growth of a national ratio of sums), COUNT (a count: a flow summed over the years, a "
                + "stock at its latest national level, never summed), REPORTED (a national figure published elsewhere, not derived here)") GoalMeasure measure,
        @Schema(description = "The year progress is measured from (for a count, the first year counted)", examples = "2020")
        int baselineYear,
        @Schema(description = "The indicator summed (RATIO_GROWTH: the numerator; COUNT: the count)",
                examples = "GRDP_CONSTANT", nullable = true) String numerator,
        @Schema(description = "RATIO_GROWTH: the indicator divided by", examples = "EMPLOYED_WORKERS", nullable = true)
        String denominator,
        @Schema(description = "How far the country is, computed at this read", nullable = true)
        Progress progress) {

    @Schema(name = "NationalGoalProgress", description = "A goal's current value and status, by the same rule as a "
            + "plan's target (ON_TRACK at 0.95 of the needed pace and above, NEEDS_ACCELERATION from 0.10, OFF_TRACK below, "
            + "NO_DATA without values; once the goal's year is over, ACHIEVED or NOT_ACHIEVED)")
    public record Progress(
            ProgressStatus status,
            @Schema(description = "PLANS: units that approved a plan, as they were then (63-unit view); RATIO_GROWTH: "
                    + "average growth in % a year since the baseline; COUNT: a flow's national total so far, a stock's latest national level",
                    examples = "13", nullable = true) BigDecimal current,
            @Schema(description = "The latest year the value covers", examples = "2025", nullable = true) Integer latestYear,
            @Schema(description = "How the value was computed and what the status rests on") String reason,
            @Schema(description = "PLANS: the ids of the plans counted") List<Long> plans,
            @Schema(description = "PLANS: units in force today that have a plan through themselves or a predecessor "
                    + "(34-unit view)", examples = "9", nullable = true) Integer unitsInForce,
            @Schema(description = "True when current is the country's figure as the statistics office published it (recorded"
                    + " for the unit VN), rather than computed from the provinces' values") boolean published,
            @Schema(description = "Beside a published figure: the same measure from the provinces' values (their coverage in"
                    + " the reason); null otherwise", examples = "5.1", nullable = true) BigDecimal provinces) {
    }
}
