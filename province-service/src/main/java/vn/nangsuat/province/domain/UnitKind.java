package vn.nangsuat.province.domain;

/**
 * A provincial-level unit is a province or a centrally-run city (thành phố trực thuộc trung ương). The country itself
 * (VN) is a unit too, so that nationally published figures are recorded like any value; it is never one of the
 * provincial units a list, a count or an aggregate names.
 */
public enum UnitKind {
    PROVINCE,
    CITY,
    COUNTRY
}
