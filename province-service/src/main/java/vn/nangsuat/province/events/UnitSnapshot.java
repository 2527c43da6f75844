package vn.nangsuat.province.events;

import java.time.LocalDate;
import vn.nangsuat.province.domain.Region;
import vn.nangsuat.province.domain.UnitKind;
import vn.nangsuat.province.domain.UnitVersion;

/**
 * One unit version as events carry it: complete, so a replica can upsert it by (code, validFrom) in any
 * order, keeping the snapshot with the highest `revision`.
 */
public record UnitSnapshot(String code, String name, UnitKind kind, Region region, boolean regionDerived,
        LocalDate validFrom, LocalDate validTo, int revision) {

    public static UnitSnapshot of(UnitVersion version) {
        return new UnitSnapshot(version.code, version.name, version.kind, version.region, version.regionDerived,
                version.validFrom, version.validTo, version.rowVersion);
    }
}
