package vn.nangsuat.indicator.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Aggregates;
import vn.nangsuat.kit.web.CsvExport;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.ObservationStatus;

@Schema(name = "CrossSection", description = "An indicator for every unit in force in a period, ranked, with the national value")
public record CrossSectionView(
        @Schema(examples = "LABOUR_PRODUCTIVITY") String indicator,
        @Schema(examples = "2024") String period,
        @Schema(description = "The national aggregate; null when none can be counted or the indicator is reported only",
                nullable = true) BigDecimal national,
        @Schema(description = "Best first: highest first unless lower is better") List<Row> units,
        @Schema(description = "Units in force then with no value, reported or derivable") List<String> unitsWithout,
        @Schema(description = "How many of the units in force the national aggregate counts", examples = "34")
        int nationalUnitsCounted,
        @Schema(description = "True only when the national aggregate counts every unit in force") boolean nationalComplete,
        @Schema(description = "The figure recorded for VN, the whole country, as published; null when none is recorded",
                nullable = true, examples = "188.7") BigDecimal nationalPublished)
        implements CsvExport {

    @Override
    public List<?> csvRows() {
        return units;
    }


    @Schema(name = "CrossSectionRow")
    public record Row(int rank, String unit, String name, BigDecimal value,
            @Schema(description = "True when computed from its components (a growth from its base on the same territory in both"
                    + " periods), not reported") boolean derived,
            Set<ObservationStatus> statuses) {
    }

    static CrossSectionView of(Aggregates.CrossSection section) {
        List<Row> rows = new ArrayList<>();
        for (Aggregates.UnitValue value : section.ranked()) {
            rows.add(new Row(rows.size() + 1, value.unit().code(), value.unit().name(),
                    Decimals.plain(value.value().value()), value.value().derived(), value.value().statuses()));
        }
        Combination.Aggregate national = section.national();
        return new CrossSectionView(section.indicator().code, section.period().toString(),
                national == null ? null : Decimals.plain(national.value()), rows, section.without(),
                national == null ? 0 : national.coverage().unitsCounted(),
                national != null && national.value() != null && national.coverage().complete(),
                section.published() == null ? null : Decimals.plain(section.published().value()));
    }
}
