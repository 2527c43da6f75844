package vn.nangsuat.province.domain;

/** The statistics office's six socio-economic regions. */
public enum Region {
    RED_RIVER_DELTA,
    NORTHERN_MIDLANDS_MOUNTAINS,
    NORTH_CENTRAL_CENTRAL_COAST,
    CENTRAL_HIGHLANDS,
    SOUTHEAST,
    MEKONG_DELTA
}
