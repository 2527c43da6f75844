package vn.nangsuat.indicator.api;

import java.math.BigDecimal;

/** Numbers as a person writes them: 186000.500000 as stored reads 186000.5, and 1000 not 1E+3. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
