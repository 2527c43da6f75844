package vn.nangsuat.province.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.kit.web.UnitCodes;
import vn.nangsuat.province.domain.Region;
import vn.nangsuat.province.domain.UnitKind;
import vn.nangsuat.province.domain.UnitLineage;

/** The bodies of the admin writes. */
public final class UnitRequests {

    /** A unit code: two digits, or VN for the country (one rule for paths and bodies). */
    static final String CODE = UnitCodes.PATTERN;

    private UnitRequests() {
    }

    @Schema(name = "NewUnit", description = "A unit that begins on validFrom")
    public record NewUnit(
            @NotNull @Pattern(regexp = CODE, message = UnitCodes.MESSAGE) @Schema(examples = "99") String code,
            @NotBlank @Size(max = 100) @Schema(examples = "Đặc khu Phú Quốc") String name,
            @NotNull UnitKind kind,
            @Schema(description = "Null or absent when none is known", nullable = true) Region region,
            @NotNull @Schema(examples = "2026-01-01") LocalDate validFrom) {
    }

    @Schema(name = "UnitChange", description = "A change from effectiveDate on; fields left out keep their value")
    public record UnitChange(
            @NotNull @Schema(examples = "2026-04-30") LocalDate effectiveDate,
            @Size(min = 1, max = 100) @Schema(description = "Null or absent: unchanged", examples = "Đồng Nai", nullable = true)
            String name,
            @Schema(description = "Null or absent: unchanged", examples = "CITY", nullable = true) UnitKind kind,
            @Schema(description = "Null or absent: unchanged", nullable = true) Region region) {
    }

    @Schema(name = "Reorganization", description = "Units merged (several into one) or split (one into several) on a date")
    public record Reorganization(
            @NotNull @Schema(examples = "MERGE") UnitLineage.Kind kind,
            @NotNull @Schema(examples = "2025-07-01") LocalDate effectiveDate,
            @NotEmpty List<@NotNull @Pattern(regexp = CODE, message = UnitCodes.MESSAGE) String> predecessors,
            @NotEmpty List<@NotNull @Valid Successor> successors,
            @Schema(description = "True to record a reorganisation whose effectiveDate is before today: it rewrites what"
                    + " the reads of those days answered, so it is refused unless meant", nullable = true)
            Boolean backdated) {
    }

    @Schema(name = "Successor", description = "A unit a reorganisation opens; without a region it takes its host's, marked derived")
    public record Successor(
            @NotNull @Pattern(regexp = CODE, message = UnitCodes.MESSAGE) String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull UnitKind kind,
            @Schema(description = "Null or absent: the host's, marked derived", nullable = true) Region region) {
    }
}
