package vn.nangsuat.province.api;

import vn.nangsuat.province.domain.UnitVersion;

final class ProvinceMapper {

    private ProvinceMapper() {
    }

    static ProvinceUnit toResponse(UnitVersion version) {
        return new ProvinceUnit(version.code, version.name, version.kind, version.region, version.regionDerived,
                version.validFrom, version.validTo);
    }
}
