package vn.nangsuat.province.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.province.domain.Region;
import vn.nangsuat.province.domain.UnitKind;

@Schema(name = "ProvinceUnit", description = "A provincial-level unit as it stood on the date asked for")
public record ProvinceUnit(
        @Schema(description = "Administrative code (Decision 124/2004/QĐ-TTg, Decision 19/2025/QĐ-TTg)", examples = "38")
        String code,
        @Schema(examples = "Thanh Hóa") String name,
        @Schema(description = "PROVINCE, or CITY for a centrally-run city; COUNTRY for VN, the whole country, whose"
                + " national figures are recorded like any unit's (lists of units leave it out unless kind=COUNTRY)")
        UnitKind kind,
        @Schema(description = "Socio-economic region; null when none is known", nullable = true) Region region,
        @Schema(description = "True when the region is derived from a predecessor rather than official")
        boolean regionDerived,
        @Schema(description = "First day of this version", examples = "2004-01-01") LocalDate validFrom,
        @Schema(description = "Last day of this version; null while in force", examples = "2025-06-30", nullable = true)
        LocalDate validTo,
        @Schema(description = "True for a unit that had ended by the date asked for, listed because a search named it"
                + " (or includeFormer asked for such units)")
        boolean former,
        @Schema(description = "For a former unit: the units in force on the date asked for that its territory became;"
                + " empty for a unit in force")
        List<Successor> successors) {

    /** A unit in force on the date asked for, by code and name. */
    @Schema(name = "ProvinceUnitSuccessor")
    public record Successor(@Schema(examples = "19") String code, @Schema(examples = "Thái Nguyên") String name) {
    }
}
