package vn.nangsuat.indicator.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.ParamConverters;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.IndicatorRule;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Period;
import vn.nangsuat.rules.Periodicity;
import vn.nangsuat.rules.Prices;
import vn.nangsuat.rules.Territory;

/** What an indicator measures, its unit, and how its values combine across provinces. */
@Entity
@Table(name = "indicator_definition")
public class IndicatorDefinition {

    /** DECIMAL(24,6): 18 digits before the point. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e18");
    /** What a period of each periodicity looks like, as a refusal of another says. */
    private static final Text A_YEAR = new Text("a year such as 2024", "một năm, ví dụ 2024");
    private static final Text A_QUARTER = new Text("a quarter such as 2024Q1", "một quý, ví dụ 2024Q1");
    private static final Text A_MONTH = new Text("a month such as 2024-01", "một tháng, ví dụ 2024-01");

    @Id
    @Column(length = 40)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "name_vi", nullable = false, length = 200)
    public String nameVi;

    @Column(nullable = false, length = 60)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Periodicity periodicity;

    /** Decimals a value is published with. */
    @Column(nullable = false)
    public int decimals;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Direction better;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Aggregation aggregation;

    /** How its values combine over time: a FLOW sums over periods, a STOCK never does. */
    @Enumerated(EnumType.STRING)
    @Column(name = "over_time", nullable = false, length = 8)
    public OverTime overTime;

    /** For money: the prices it is measured at; null for what is not money. */
    @Enumerated(EnumType.STRING)
    @Column(length = 8)
    public Prices prices;

    @Column(name = "numerator_code", length = 40)
    public String numeratorCode;

    @Column(name = "denominator_code", length = 40)
    public String denominatorCode;

    /** For a GROWTH: the indicator whose year-on-year change it is. */
    @Column(name = "base_code", length = 40)
    public String baseCode;

    @Column(nullable = false, length = 1000)
    public String description;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    /** Whether indicator.events has carried this definition (seeded ones wait for the service's start). */
    @Column(nullable = false)
    public boolean announced;

    /** The strong ETag of this definition's state; any change increments the row version. */
    public String etag() {
        return Preconditions.etag(code, rowVersion);
    }

    /** How its values combine, for statistics-rules. */
    public IndicatorRule rule() {
        return new IndicatorRule(code, aggregation, overTime, numeratorCode, denominatorCode, baseCode);
    }

    /** A period of this indicator written as text; a 400 naming `period` when it is none, or of another form. */
    public Period period(String text) {
        return period(text, "period");
    }

    /** The same, naming the field the text came in (`from`, `to`). */
    public Period period(String text, String field) {
        Text expected = switch (periodicity) {
            case YEAR -> A_YEAR;
            case QUARTER -> A_QUARTER;
            case MONTH -> A_MONTH;
        };
        Period period = Period.parse(text)
                .orElseThrow(() -> ProblemException.invalid(field, ParamConverters.mustBe(expected, text)));
        if (period.periodicity() != periodicity) {
            throw ProblemException.invalid(field, new Text(code + " is published per " + periodicity
                    + ": the period must be " + expected.english() + ", not " + period, code + " được công bố theo "
                    + periodicity + ": kỳ phải là " + expected.vietnamese() + ", không phải " + period));
        }
        // A period belongs to the units in force on its last day: before the units are fully modelled, none is known.
        LocalDate lastDay = period.lastDay();
        if (!Territory.modelled(lastDay)) {
            throw ProblemException.invalid(field, new Text(
                    "the last day of " + period + " " + Territory.whyNotModelled(lastDay),
                    "ngày cuối của kỳ " + period + " " + Territory.whyNotModelledInVietnamese(lastDay)));
        }
        return period;
    }

    /** A 400 naming `value` unless the value fits the column (DECIMAL(24,6)) and, for an amount, is not negative. */
    public void requireValue(BigDecimal value) {
        if (value.abs().compareTo(TOO_LARGE) >= 0) {
            throw ProblemException.invalid("value", new Text("must be less than 10^18 in size",
                    "phải có độ lớn nhỏ hơn 10^18"));
        }
        if (value.stripTrailingZeros().scale() > 6) {
            throw ProblemException.invalid("value", new Text("must have at most 6 decimals",
                    "chỉ được có tối đa 6 chữ số thập phân"));
        }
        boolean amount = aggregation == Aggregation.ADDITIVE || aggregation == Aggregation.RATIO;
        if (amount && value.signum() < 0) {
            throw ProblemException.invalid("value", new Text(code + " (" + unit + ") cannot be negative",
                    code + " (" + unit + ") không được âm"));
        }
    }

    /** A detached copy, to publish what a change replaced. */
    public IndicatorDefinition copy() {
        IndicatorDefinition copy = new IndicatorDefinition();
        copy.code = code;
        copy.name = name;
        copy.nameVi = nameVi;
        copy.unit = unit;
        copy.periodicity = periodicity;
        copy.decimals = decimals;
        copy.better = better;
        copy.aggregation = aggregation;
        copy.overTime = overTime;
        copy.prices = prices;
        copy.numeratorCode = numeratorCode;
        copy.denominatorCode = denominatorCode;
        copy.baseCode = baseCode;
        copy.description = description;
        copy.rowVersion = rowVersion;
        return copy;
    }

    /** Whether the fields an admin may correct are those of the other. */
    public boolean sameAs(IndicatorDefinition other) {
        return name.equals(other.name) && nameVi.equals(other.nameVi) && unit.equals(other.unit)
                && decimals == other.decimals && better == other.better && description.equals(other.description);
    }
}
