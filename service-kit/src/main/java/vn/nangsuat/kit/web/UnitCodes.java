package vn.nangsuat.kit.web;

import vn.nangsuat.http.Text;
import vn.nangsuat.rules.Territory;

/** The form of a unit code, one rule for every path, query and body that names a unit. */
public final class UnitCodes {

    /** Two digits (a province or centrally-run city), or VN, the whole country. */
    public static final String PATTERN = "[0-9]{2}|" + Territory.NATION;

    /** What a code that does not match {@link #PATTERN} is told. */
    public static final Text EXPECTED = new Text("must be a two-digit unit code such as 19, or " + Territory.NATION
            + " for the whole country", "phải là mã đơn vị gồm hai chữ số, ví dụ 19, hoặc " + Territory.NATION
            + " cho cả nước");

    /**
     * The constraint message of a unit code, {@code @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE)}:
     * answered as {@link #EXPECTED} in the request's language (a key no service's ValidationMessages holds, so the
     * text is written once, here).
     */
    public static final String MESSAGE = "{nangsuat.unitCode}";

    private UnitCodes() {
    }
}
