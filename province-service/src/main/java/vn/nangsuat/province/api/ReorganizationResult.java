package vn.nangsuat.province.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReorganizationResult", description = "The versions a reorganisation closed and opened")
public record ReorganizationResult(LocalDate effectiveDate, String kind, List<ProvinceUnit> predecessors,
        List<ProvinceUnit> successors) {
}
