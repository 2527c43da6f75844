package vn.nangsuat.province.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevertResult", description = "A reorganisation undone: the versions in force again, and those withdrawn")
public record RevertResult(
        @Schema(examples = "7") long id,
        @Schema(examples = "2024-01-01") LocalDate effectiveDate,
        @Schema(examples = "MERGE") String kind,
        @Schema(description = "The versions it had closed, in force again as they were") List<ProvinceUnit> reopened,
        @Schema(description = "The versions it had opened, deleted with their lineage, as they were") List<ProvinceUnit> withdrawn) {
}
