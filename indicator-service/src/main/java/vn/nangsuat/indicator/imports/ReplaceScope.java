package vn.nangsuat.indicator.imports;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.rules.Period;

/**
 * What an import in mode replace declares it holds whole: every value of these indicators, of these units (every
 * unit when none are named), for the periods that lie between `from` and `to`. A value of the scope that the file
 * does not hold is deleted; a row outside the scope is an error.
 */
@Schema(name = "ReplaceScope")
public record ReplaceScope(
        @Schema(examples = "[\"GRDP\", \"EMPLOYED_WORKERS\"]") List<String> indicators,
        @Schema(description = "Empty: every unit the submitter may write", examples = "[\"19\"]") List<String> units,
        @Schema(examples = "2021") String from,
        @Schema(examples = "2024") String to) {

    LocalDate firstDay() {
        return Period.parse(from).orElseThrow().firstDay();
    }

    LocalDate lastDay() {
        return Period.parse(to).orElseThrow().lastDay();
    }

    boolean holds(String unit, String indicator, Period period) {
        return indicators.contains(indicator) && (units.isEmpty() || units.contains(unit))
                && !period.firstDay().isBefore(firstDay()) && !period.lastDay().isAfter(lastDay());
    }

    /** The first and last periods of the indicator's form that lie in the scope; empty when none does. */
    java.util.Optional<Period[]> bounds(IndicatorDefinition indicator) {
        Period first = Period.containing(indicator.periodicity, firstDay());
        Period last = Period.containing(indicator.periodicity, lastDay());
        // A period of the indicator's form that only partly lies in the scope is not in it (none beyond 1900..2100).
        if (first.firstDay().isBefore(firstDay())) {
            if (first.year() == 2100 && first.lastDay().getMonthValue() == 12) {
                return java.util.Optional.empty();
            }
            first = first.next();
        }
        if (last.lastDay().isAfter(lastDay())) {
            if (last.year() == 1900 && last.firstDay().getMonthValue() == 1) {
                return java.util.Optional.empty();
            }
            last = last.previous();
        }
        return first.compareTo(last) <= 0 ? java.util.Optional.of(new Period[] {first, last}) : java.util.Optional.empty();
    }
}
