package vn.nangsuat.indicator.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Direction;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Periodicity;
import vn.nangsuat.rules.Prices;

@Schema(name = "Indicator", description = "What an indicator measures and how its values combine across provinces")
public record Indicator(
        @Schema(examples = "LABOUR_PRODUCTIVITY") String code,
        @Schema(examples = "Labour productivity, current prices") String name,
        @Schema(description = "Name in Vietnamese", examples = "Năng suất lao động (giá hiện hành)") String nameVi,
        @Schema(examples = "million VND per worker") String unit,
        @Schema(description = "How often it is published, and so the form of its periods: 2024, 2024Q1, 2024-01")
        Periodicity periodicity,
        @Schema(description = "Decimals a value is published with", examples = "1") int decimals,
        @Schema(description = "Which way it should move: HIGHER, LOWER, or NEUTRAL (neither is better in itself)")
        Direction better,
        @Schema(description = "ADDITIVE values sum; a RATIO is recomputed from its summed parts; a GROWTH from its base;"
                + " REPORTED is taken as reported and never combined")
        Aggregation aggregation,
        @Schema(description = "How its values combine over time: FLOW (what happened in the period: a span of periods is"
                + " their sum) or STOCK (what exists at the period's end: a span is its latest value, never a sum)")
        OverTime overTime,
        @Schema(description = "For money: CURRENT or CONSTANT prices; null for what is not money. A growth is measured"
                + " at constant prices only", nullable = true) Prices prices,
        @Schema(description = "For a RATIO: the indicator divided", examples = "GRDP", nullable = true) String numerator,
        @Schema(description = "For a RATIO: the indicator divided by", examples = "EMPLOYED_WORKERS", nullable = true) String denominator,
        @Schema(description = "For a GROWTH: the indicator whose year-on-year change it is",
                examples = "LABOUR_PRODUCTIVITY_CONSTANT", nullable = true) String base,
        @Schema(nullable = true) String description) {
}
