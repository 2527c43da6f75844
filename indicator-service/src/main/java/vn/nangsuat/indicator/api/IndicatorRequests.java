package vn.nangsuat.indicator.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Direction;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.indicator.domain.IndicatorRegistry;
import vn.nangsuat.kit.web.SharedCaching;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Periodicity;
import vn.nangsuat.rules.Prices;

/** The bodies of the admin writes of the catalogue. */
public final class IndicatorRequests {

    /** An indicator code: a capital letter, then capitals, digits and underscores (one rule for paths and bodies). */
    static final String CODE = "[A-Z][A-Z0-9_]{0,39}";
    /** What a code of another form is told: a key of ValidationMessages (English) and its _vi (Vietnamese). */
    static final String CODE_EXPECTED = "{indicatorCode.pattern}";
    /** The `asOf` of every read of values: an answer as of an instant never changes afterwards. */
    /** How a read model's answer stays current, said in each one's description. */
    static final String KEPT_CURRENT = " Kept current: computed again within moments of any change of the values, "
            + "definitions or units it rests on, never at this read (but the first of a query, and one asOf an instant). "
            + "The ETag covers the answer (If-None-Match gives 304); a shared cache may keep it for "
            + SharedCaching.READ_MODEL_SECONDS + " s (Cache-Control: s-maxage).";

    static final String AS_OF = "The values as they stood at this instant (ISO 8601), once settled: no later than"
            + " OBSERVATIONS_FEED_SETTLE ago and never past an import still committing (a later one is a 400, since its"
            + " answer could still change); default now, the values as they stand";

    private IndicatorRequests() {
    }

    @Schema(name = "NewIndicator", description = "An indicator added to the catalogue")
    public record NewIndicator(
            @NotNull @Pattern(regexp = CODE, message = CODE_EXPECTED) @Schema(examples = "EXPORTS") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Exports of goods") String name,
            @NotBlank @Size(max = 200) @Schema(examples = "Kim ngạch xuất khẩu hàng hóa") String nameVi,
            @NotBlank @Size(max = 60) @Schema(examples = "million USD") String unit,
            @NotNull Periodicity periodicity,
            @NotNull @Min(0) @Max(6) @Schema(examples = "1") Integer decimals,
            @NotNull Direction better,
            @NotNull Aggregation aggregation,
            @NotNull(message = "{overTime.required}")
            @Schema(description = "FLOW (what happened in the period: summed over periods) or STOCK (what exists at the "
                    + "period's end: never summed over time)") OverTime overTime,
            @Schema(description = "For money: CURRENT or CONSTANT prices; leave out for what is not money. A GROWTH's base"
                    + " must not be at current prices", nullable = true) Prices prices,
            @Pattern(regexp = CODE, message = CODE_EXPECTED)
            @Schema(description = "For a RATIO only: the additive indicator divided", nullable = true) String numerator,
            @Pattern(regexp = CODE, message = CODE_EXPECTED)
            @Schema(description = "For a RATIO only: the additive indicator divided by", nullable = true) String denominator,
            @Pattern(regexp = CODE, message = CODE_EXPECTED)
            @Schema(description = "For a GROWTH only: the indicator whose year-on-year change it is", nullable = true)
            String base,
            @NotBlank @Size(max = 1000) String description) {

        IndicatorDefinition toDefinition() {
            IndicatorDefinition definition = new IndicatorDefinition();
            definition.code = code;
            definition.name = name.strip();
            definition.nameVi = nameVi.strip();
            definition.unit = unit.strip();
            definition.periodicity = periodicity;
            definition.decimals = decimals;
            definition.better = better;
            definition.aggregation = aggregation;
            definition.overTime = overTime;
            definition.prices = prices;
            definition.numeratorCode = numerator;
            definition.denominatorCode = denominator;
            definition.baseCode = base;
            definition.description = description.strip();
            return definition;
        }
    }

    @Schema(name = "IndicatorCorrection", description = "Corrections of a definition; fields left out keep their value. "
            + "How it combines (aggregation, over time, parts, periodicity) cannot change: that is a new indicator.")
    public record IndicatorCorrection(
            @Size(min = 1, max = 200) @Schema(nullable = true) String name,
            @Size(min = 1, max = 200) @Schema(nullable = true) String nameVi,
            @Size(min = 1, max = 60) @Schema(nullable = true) String unit,
            @Min(0) @Max(6) @Schema(nullable = true) Integer decimals,
            @Schema(nullable = true) Direction better,
            @Size(min = 1, max = 1000) @Schema(nullable = true) String description) {

        IndicatorRegistry.Correction toCorrection() {
            return new IndicatorRegistry.Correction(name, nameVi, unit, decimals, better, description);
        }
    }
}
