package vn.nangsuat.rules;

/**
 * The prices a money value is measured at, part of its definition (null for what is not money: workers, counts).
 * A growth compares volumes: at {@link #CURRENT} prices it mixes in the change of prices, so growth is measured at
 * {@link #CONSTANT} prices (as the statistics office measures labour-productivity growth).
 */
public enum Prices {

    CURRENT,
    CONSTANT;

    /** Whether a growth of a value at these prices (null: not money) measures a change of volume. */
    public static boolean growthComparable(Prices prices) {
        return prices != CURRENT;
    }

    /** Why a growth of the indicator at current prices is refused. */
    public static String whyNoGrowth(String indicator) {
        return indicator + " is at current prices: its growth mixes in the change of prices; growth is measured at"
                + " constant prices (GRDP_CONSTANT, LABOUR_PRODUCTIVITY_CONSTANT)";
    }

    /** {@link #whyNoGrowth} in Vietnamese. */
    public static String whyNoGrowthInVietnamese(String indicator) {
        return indicator + " tính theo giá hiện hành: tăng trưởng của nó lẫn cả biến động giá; tăng trưởng được đo"
                + " theo giá so sánh (GRDP_CONSTANT, LABOUR_PRODUCTIVITY_CONSTANT)";
    }
}
