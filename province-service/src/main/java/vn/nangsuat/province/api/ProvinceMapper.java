package vn.nangsuat.province.api;

import java.util.List;
import vn.nangsuat.province.domain.ProvinceCatalog;
import vn.nangsuat.province.domain.UnitVersion;

final class ProvinceMapper {

    private ProvinceMapper() {
    }

    static ProvinceUnit toResponse(UnitVersion version) {
        return new ProvinceUnit(version.code, version.name, version.kind, version.region, version.regionDerived,
                version.validFrom, version.validTo, false, List.of());
    }

    static ProvinceUnit toResponse(ProvinceCatalog.Listed listed) {
        UnitVersion version = listed.version();
        return new ProvinceUnit(version.code, version.name, version.kind, version.region, version.regionDerived,
                version.validFrom, version.validTo, listed.former(),
                listed.successors().stream().map(node -> new ProvinceUnit.Successor(node.code(), node.name())).toList());
    }
}
