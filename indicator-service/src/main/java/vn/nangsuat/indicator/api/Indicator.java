package vn.nangsuat.indicator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Aggregation;

@Schema(name = "Indicator", description = "What an indicator measures and how its values combine across provinces")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Indicator(
        @Schema(examples = "LABOUR_PRODUCTIVITY") String code,
        @Schema(examples = "Labour productivity, current prices") String name,
        @Schema(description = "Name in Vietnamese", examples = "Năng suất lao động (giá hiện hành)") String nameVi,
        @Schema(examples = "million VND per worker") String unit,
        @Schema(description = "ADDITIVE values sum; a RATIO is recomputed from its summed parts; NON_ADDITIVE never combines")
        Aggregation aggregation,
        @Schema(description = "For a RATIO: the indicator divided", examples = "GRDP") String numerator,
        @Schema(description = "For a RATIO: the indicator divided by", examples = "EMPLOYED_WORKERS") String denominator,
        String description) {
}
