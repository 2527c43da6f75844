package vn.nangsuat.province.domain;

/** A provincial-level unit is a province or a centrally-run city (thành phố trực thuộc trung ương). */
public enum UnitKind {
    PROVINCE,
    CITY
}
