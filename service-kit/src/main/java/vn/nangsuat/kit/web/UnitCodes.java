package vn.nangsuat.kit.web;

import vn.nangsuat.rules.Territory;

/** The form of a unit code, one rule for every path, query and body that names a unit. */
public final class UnitCodes {

    /** Two digits (a province or centrally-run city), or VN, the whole country. */
    public static final String PATTERN = "[0-9]{2}|" + Territory.NATION;

    public static final String EXPECTED = "must be a two-digit unit code such as 19, or " + Territory.NATION
            + " for the whole country";

    private UnitCodes() {
    }
}
