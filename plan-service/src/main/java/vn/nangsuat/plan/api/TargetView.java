package vn.nangsuat.plan.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.Better;
import vn.nangsuat.plan.domain.ProgressLevel;
import vn.nangsuat.plan.domain.ProgressStatus;
import vn.nangsuat.plan.domain.TargetKind;

@Schema(name = "Target", description = "What a plan promises for one indicator of its unit, and how far it has come")
public record TargetView(
        @Schema(examples = "41") long id,
        @Schema(examples = "17") long planId,
        @Schema(examples = "LABOUR_PRODUCTIVITY_CONSTANT") String indicator,
        TargetKind kind,
        @Schema(description = "Which way is better, from the indicator's definition") Better better,
        @Schema(examples = "2020") int baselineYear,
        @Schema(description = "Null: the value observed in the baseline year", examples = "95.2", nullable = true)
        BigDecimal baselineValue,
        @Schema(examples = "2025") int targetYear,
        @Schema(description = "LEVEL: the value to reach; GROWTH: the average growth in % a year; CUMULATIVE: the total",
                examples = "7") BigDecimal targetValue,
        Instant createdAt,
        @Schema(description = "Null until first computed", nullable = true) Progress progress) {

    @Schema(name = "TargetProgress", description = "A target's progress, recomputed whenever a value of its series changes. "
            + "Status: the ratio of the observed pace since the baseline to the pace the target needs (compound growth "
            + "of levels; absolute change when a level is 0 or below; the running total for a count): ON_TRACK at 0.95 "
            + "and above, NEEDS_ACCELERATION from 0.10, OFF_TRACK below 0.10 or moving away, NO_DATA without a value "
            + "after the baseline. A target already met is ON_TRACK. Once the target year is over: ACHIEVED or NOT_ACHIEVED, "
            + "judged on that year's value (or the latest before it, said in the reason), never ON_TRACK. Beside the "
            + "status, while the year is ahead, the UNSD SDG Progress Chart's level from the same ratio.")
    public record Progress(
            ProgressStatus status,
            @Schema(description = "The latest period with a value", examples = "2024", nullable = true) String latestPeriod,
            @Schema(description = "Its value (for a CUMULATIVE target: the running total)", nullable = true)
            BigDecimal latestValue,
            @Schema(description = "How firm it is: ESTIMATE, PRELIMINARY, OFFICIAL", nullable = true) String latestStatus,
            @Schema(description = "The revision of that value in indicator-service", nullable = true) Integer latestRevision,
            @Schema(nullable = true) BigDecimal baselineValue,
            @Schema(description = "The level to reach (for GROWTH the level the growth implies)", nullable = true)
            BigDecimal targetLevel,
            @Schema(description = "(latest - baseline) / (target - baseline); 1 = reached", nullable = true)
            BigDecimal achievement,
            @Schema(description = "The value projected at the target year if the observed pace goes on", nullable = true)
            BigDecimal projected,
            @Schema(description = "Growth still needed per remaining year: % for COMPOUND, the indicator's unit otherwise",
                    nullable = true) BigDecimal neededPerYear,
            @Schema(description = "Observed pace / needed pace", nullable = true) BigDecimal ratio,
            @Schema(description = "The UNSD SDG Progress Chart's level of the ratio, while the target year is ahead: "
                    + "SUBSTANTIAL (0.95 and above), MODERATE (from 0.5), MARGINAL (from 0.1), STAGNATION (from -0.1), "
                    + "DETERIORATION (below); null without a ratio or once the year is over", nullable = true)
            ProgressLevel level,
            @Schema(description = "COMPOUND, LINEAR or CUMULATIVE", nullable = true) String method,
            @Schema(examples = "observed growth 4.8 %/year is 68 % of the 7.0 %/year needed") String reason,
            Instant computedAt) {
    }
}
