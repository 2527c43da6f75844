package vn.nangsuat.province.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReorganizationResult", description = "What a reorganisation did, or in a dry run would do, and nothing kept")
public record ReorganizationResult(
        @Schema(description = "Names it for a revert (POST /api/v1/provinces/reorganizations/{id}/revert); null in a dry run",
                examples = "7", nullable = true) Long id,
        @Schema(description = "True when nothing was kept: the answer shows what the request would do") boolean dryRun,
        @Schema(examples = "2025-07-01") LocalDate effectiveDate,
        @Schema(examples = "MERGE") String kind,
        @Schema(description = "The versions it closes, each ending the day before effectiveDate") List<ProvinceUnit> predecessors,
        @Schema(description = "The versions it opens on effectiveDate") List<ProvinceUnit> successors,
        @Schema(description = "The lineage edges it adds, from each predecessor to each successor") List<LineageEdge> lineage,
        @Schema(description = "Provincial units in force on effectiveDate and today, before and after: the reads of those"
                + " days (lists, aggregates, harmonised series) move with them") List<UnitsInForce> unitsInForce,
        @Schema(description = "The events it publishes, in order (none are published in a dry run)") List<PublishedEvent> events) {

    @Schema(name = "LineageEdge", description = "The version of one code became (part of) the version of another")
    public record LineageEdge(@Schema(examples = "38") String fromCode, LocalDate fromValidFrom,
            @Schema(examples = "38") String toCode, LocalDate toValidFrom) {
    }

    @Schema(name = "UnitsInForce", description = "How many provincial units are in force on a day, before and after")
    public record UnitsInForce(LocalDate day, @Schema(examples = "63") long before, @Schema(examples = "62") long after) {
    }

    @Schema(name = "PublishedEvent", description = "An event by topic, CloudEvents type (without prefix and version) and key")
    public record PublishedEvent(@Schema(examples = "province.events") String topic,
            @Schema(examples = "province.reorganized") String type, @Schema(examples = "38") String key) {
    }
}
