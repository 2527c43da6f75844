package vn.nangsuat.indicator.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.indicator.domain.UnitsInForce;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.kit.web.UnitCodes;
import vn.nangsuat.rules.ObservationStatus;
import vn.nangsuat.rules.Period;

/**
 * The checks of one import's rows: the same rules as a single write (the indicator's period form and value rules,
 * the unit in force during the period), plus the scope of a replace. Every error of a row is reported, not only the
 * first. Whether the submitter may write the unit is answered apart: such a row refuses the whole import.
 */
final class RowChecks {

    private static final Pattern UNIT = Pattern.compile(UnitCodes.PATTERN);
    /** Exponents of three digits at most: 1e400 is refused as too large, 0e-999999999 is not written out a billion zeros. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?");
    private static final List<String> STATUSES = java.util.Arrays.stream(ObservationStatus.values()).map(Enum::name).toList();

    /** A row that passed, as it is staged. */
    record Valid(long line, String unit, String indicator, Period period, BigDecimal value, ObservationStatus status,
            String source, String note) {
    }

    /**
     * A row checked: valid, or its errors; the unit the caller may not write; and for an invalid row whose unit,
     * indicator and period are themselves valid, that key (a replace leaves its stored value as it was).
     */
    record Checked(Valid valid, List<RowError> errors, String forbiddenUnit, Key failedKey) {
    }

    /** The unit, indicator and period of a row. */
    record Key(String unit, String indicator, String period) {
    }

    private final IndicatorCatalog indicators;
    private final UnitsInForce units;
    private final ProvinceScope.Grant grant;
    private final Optional<ReplaceScope> scope;

    RowChecks(IndicatorCatalog indicators, UnitsInForce units, ProvinceScope.Grant grant, Optional<ReplaceScope> scope) {
        this.indicators = indicators;
        this.units = units;
        this.grant = grant;
        this.scope = scope;
    }

    Checked check(RawRow row) {
        List<RowError> errors = new ArrayList<>();
        long line = row.line();
        if (row.shape() != null) {
            return new Checked(null, List.of(RowError.of(line, "row", null, row.shape())), null, null);
        }
        String unit = required(errors, line, "unit", row.unit());
        if (unit != null && !UNIT.matcher(unit).matches()) {
            errors.add(RowError.of(line, "unit", unit, UnitCodes.EXPECTED.english()));
            unit = null;
        }
        IndicatorDefinition indicator = null;
        String indicatorCode = required(errors, line, "indicator", row.indicator());
        if (indicatorCode != null) {
            indicator = rule(errors, line, "indicator", indicatorCode, () -> indicators.definition(indicatorCode));
        }
        Period period = null;
        String periodText = required(errors, line, "period", row.period());
        if (periodText != null && indicator != null) {
            IndicatorDefinition definition = indicator;
            period = rule(errors, line, "period", periodText, () -> definition.period(periodText));
        }
        // A former unit's value may be written by the editors of the units it became part of, for the periods it stood.
        String forbidden = unit == null || (period == null ? grant.allows(unit) : grant.allows(unit, period.lastDay()))
                ? null : unit;
        if (unit != null && period != null) {
            String code = unit;
            Period during = period;
            rule(errors, line, "unit", unit, () -> {
                units.require(code, during);
                return code;
            });
        }
        BigDecimal value = null;
        String valueText = required(errors, line, "value", row.value());
        if (valueText != null) {
            value = decimal(valueText);
            if (value == null) {
                errors.add(RowError.of(line, "value", valueText, "must be a decimal number such as 1234.5 (a point, no"
                        + " thousands separator)"));
            } else if (indicator != null) {
                IndicatorDefinition definition = indicator;
                BigDecimal number = value;
                value = rule(errors, line, "value", valueText, () -> {
                    definition.requireValue(number);
                    return number;
                });
            }
        }
        ObservationStatus status = null;
        String statusText = required(errors, line, "status", row.status());
        if (statusText != null) {
            if (STATUSES.contains(statusText)) {
                status = ObservationStatus.valueOf(statusText);
            } else {
                errors.add(RowError.of(line, "status", statusText, "must be one of " + String.join(", ", STATUSES)));
            }
        }
        String source = text(errors, line, "source", row.source(), 200);
        String note = text(errors, line, "note", row.note(), 1000);
        if (scope.isPresent() && unit != null && indicator != null && period != null
                && !scope.get().holds(unit, indicator.code, period)) {
            errors.add(RowError.of(line, "row", unit + " " + indicator.code + " " + period,
                    "lies outside the declared scope of the replace"));
        }
        if (!errors.isEmpty()) {
            Key key = unit != null && indicator != null && period != null
                    ? new Key(unit, indicator.code, period.toString()) : null;
            return new Checked(null, errors, forbidden, key);
        }
        return new Checked(new Valid(line, unit, indicator.code, period, value, status, source, note), List.of(), forbidden,
                null);
    }

    private static String required(List<RowError> errors, long line, String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            errors.add(RowError.of(line, field, text, "is required"));
        }
        return value;
    }

    /** Applies a rule of the single-write path and turns its 400 or 404 problem into this row's error. */
    private static <T> T rule(List<RowError> errors, long line, String field, String given, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (ProblemException problem) {
            String reason = problem.errors().isEmpty() ? problem.getMessage() : problem.errors().get(0).message();
            errors.add(RowError.of(line, field, given, reason));
            return null;
        }
    }

    /** A plain decimal in ASCII digits: NaN, Infinity, hexadecimal and `1,5` are not numbers here. */
    private static BigDecimal decimal(String text) {
        return text.length() <= 64 && DECIMAL.matcher(text).matches() ? new BigDecimal(text) : null;
    }

    /** A free text: at most so many characters, and Unicode text (a lone surrogate from JSON's \\uD800 is not). */
    private static String text(List<RowError> errors, long line, String field, String given, int max) {
        String value = blankToNull(given);
        if (value != null && value.length() > max) {
            errors.add(RowError.of(line, field, value, "must be at most " + max + " characters"));
        } else if (value != null && value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            errors.add(RowError.of(line, field, null, "must be Unicode text: it holds a lone surrogate"));
        } else {
            return value;
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
