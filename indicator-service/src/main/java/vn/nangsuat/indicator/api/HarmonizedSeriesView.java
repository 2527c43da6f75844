package vn.nangsuat.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Harmonizer;
import vn.nangsuat.kit.web.CsvExport;
import vn.nangsuat.rules.ObservationStatus;

@Schema(name = "HarmonizedSeries", description = "A unit's series expressed on the units in force on a date: values before "
        + "a merger combined from the units it was made of, and the periods that cannot be combined honestly, with why")
public record HarmonizedSeriesView(
        @Schema(examples = "19") String unit,
        @Schema(examples = "Thái Nguyên") String name,
        @Schema(description = "The date whose units the series is expressed on", examples = "2025-07-01") LocalDate harmonizedTo,
        List<Item> values,
        List<LeftOut> leftOut) implements CsvExport {

    @Override
    public List<?> csvRows() {
        return values;
    }


    @Schema(name = "HarmonizedValue")
    public record Item(
            @Schema(examples = "LABOUR_PRODUCTIVITY") String indicator,
            @Schema(examples = "2021") String period,
            @Schema(examples = "170.103093") BigDecimal value,
            @Schema(description = "Computed (combined from several units, or from the indicator's parts) rather than reported")
            boolean derived,
            @Schema(description = "The units (as coded then) whose values it rests on", examples = "[\"06\", \"19\"]")
            List<String> units,
            @Schema(description = "The statuses of the values used: label a value PRELIMINARY if any is")
            Set<ObservationStatus> statuses,
            @Schema(description = "How many stored values (revisions, current as of asOf) it rests on") int revisions) {
    }

    @Schema(name = "HarmonizedLeftOut")
    public record LeftOut(
            @Schema(examples = "TFP_CONTRIBUTION") String indicator,
            @Schema(examples = "2021") String period,
            @Schema(examples = "TFP_CONTRIBUTION is reported only: the values of 06, 19 are never combined") String reason) {
    }

    static HarmonizedSeriesView of(Harmonizer.Series series) {
        return new HarmonizedSeriesView(series.unit().code(), series.unit().name(), series.date(),
                series.values().stream().map(v -> new Item(v.indicator(), v.period().toString(), v.value(), v.derived(),
                        v.units(), v.statuses(), v.revisions())).toList(),
                series.leftOut().stream().map(l -> new LeftOut(l.indicator(), l.period().toString(), l.reason())).toList());
    }
}
