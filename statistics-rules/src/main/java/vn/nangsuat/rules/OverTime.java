package vn.nangsuat.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How the values of an indicator combine over time, part of its definition.
 * <ul>
 *   <li>{@link #FLOW}: what happened during the period (GRDP produced in the year, SMEs starting a pilot project in
 *       it). A longer span is the sum of its periods: 3 projects started in 2021 and 4 in 2022 are 7 started in
 *       2021-2022.
 *   <li>{@link #STOCK}: what exists at the period's end (schools running a productivity club, workers employed). A
 *       longer span is its latest value, never a sum: 4 schools with a club at the end of each of 2021 to 2025 are
 *       4 schools, not 20.
 * </ul>
 * Ratios, growths and reported figures are values of their own period and never sum over time either: they are
 * STOCK here. (Across units, in one period, additive values of both kinds are summed: see the definitions'
 * aggregation.)
 */
public enum OverTime {

    FLOW,
    STOCK;

    /**
     * The value of a span of periods from the values of its periods, oldest first (nulls, periods without a value,
     * are skipped): a flow's sum, a stock's latest; null when no period has a value.
     */
    public BigDecimal over(List<BigDecimal> oldestFirst) {
        List<BigDecimal> values = oldestFirst.stream().filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return this == FLOW ? values.stream().reduce(BigDecimal.ZERO, BigDecimal::add) : values.get(values.size() - 1);
    }

    /** Whether values of several periods add up to a running total (a cumulative target counts a flow only). */
    public boolean summable() {
        return this == FLOW;
    }

    /** Why a running total of a stock means nothing, for the refusal of a cumulative target on it. */
    public static String whyNotSummed(String indicator) {
        return indicator + " is a STOCK (what exists at each period's end): its values are never summed over the years;"
                + " a target on it is a LEVEL";
    }

    /** {@link #whyNotSummed} in Vietnamese. */
    public static String whyNotSummedInVietnamese(String indicator) {
        return indicator + " là STOCK (lượng hiện có vào cuối mỗi kỳ): giá trị của nó không bao giờ được cộng qua các"
                + " năm; mục tiêu trên chỉ tiêu này là LEVEL";
    }
}
