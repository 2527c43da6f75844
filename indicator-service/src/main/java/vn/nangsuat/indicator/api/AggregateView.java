package vn.nangsuat.indicator.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Aggregates;
import vn.nangsuat.kit.web.CsvExport;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.ObservationStatus;

@Schema(name = "Aggregate", description = "An indicator for the country or a region in a period, combined as its definition says")
public record AggregateView(
        @Schema(examples = "LABOUR_PRODUCTIVITY") String indicator,
        @Schema(examples = "2021") String period,
        @Schema(description = "The region, or null for the whole country", nullable = true) String region,
        @Schema(description = "Null when no unit could be counted", nullable = true, examples = "171.8") BigDecimal value,
        @Schema(description = "For a ratio: the sum of its numerator over the units counted", nullable = true) BigDecimal numerator,
        @Schema(description = "For a ratio: the sum of its denominator over the same units", nullable = true) BigDecimal denominator,
        @Schema(description = "Units in force on the period's last day whose values were combined") List<String> unitsCounted,
        @Schema(description = "Units in force then without the values needed: the aggregate leaves them out") List<String> unitsMissing,
        @Schema(description = "The statuses of the values used, so a chart can say PRELIMINARY") Set<ObservationStatus> statuses,
        @Schema(description = "Units in force on the period's last day (of the region): unitsCounted of them are counted",
                examples = "34") int unitsInForce,
        @Schema(description = "For a ratio, or the growth of one: the share of the denominator (workers) the units counted"
                + " hold among the units in force that have one, 0 to 1", nullable = true, examples = "0.9712")
        BigDecimal denominatorShare,
        @Schema(description = "True only when every unit in force is counted: a figure for the whole country (or region)")
        boolean complete,
        @Schema(description = "Why there is no value, when there is none", nullable = true) String reason,
        @Schema(description = "For the whole country: the figure recorded for VN as the statistics office published it (or"
                + " derived from VN's own published parts), beside the sum of the provinces; null when none is recorded,"
                + " or for a region", nullable = true, examples = "199.3") BigDecimal published) implements CsvExport {

    @Override
    public List<?> csvRows() {
        return List.of(this);
    }


    static AggregateView of(Aggregates.Aggregate aggregate) {
        Combination.Aggregate figure = aggregate.figure();
        return new AggregateView(aggregate.indicator().code, aggregate.period().toString(), aggregate.region(),
                Decimals.plain(figure.value()), Decimals.plain(figure.numerator()), Decimals.plain(figure.denominator()),
                figure.counted(), figure.missing(), figure.statuses(), figure.coverage().unitsInForce(),
                figure.coverage().denominatorShare(), figure.coverage().complete(), figure.reason(),
                aggregate.published() == null ? null : Decimals.plain(aggregate.published().value()));
    }
}
