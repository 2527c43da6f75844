package vn.nangsuat.province.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.province.domain.LineageGraph;

@Schema(name = "Lineage", description = "A unit version with every version before and after it, linked by date and kind")
public record LineageView(
        ProvinceUnit unit,
        @Schema(description = "Links leading to this version, however far back, oldest first") List<Link> predecessors,
        @Schema(description = "Links leading on from this version, however far forward, oldest first") List<Link> successors) {

    @Schema(name = "VersionRef", description = "A version, named by code and first day")
    public record VersionRef(String code, String name, LocalDate validFrom,
            @Schema(description = "Last day of the version; null while in force", nullable = true) LocalDate validTo) {
        static VersionRef of(LineageGraph.Node node) {
            return new VersionRef(node.code(), node.name(), node.validFrom(), node.validTo());
        }
    }

    @Schema(name = "LineageLink", description = "The predecessor version became (part of) the successor on effectiveDate")
    public record Link(VersionRef predecessor, VersionRef successor, LocalDate effectiveDate,
            @Schema(description = "MERGE, SPLIT or CHANGE") String kind) {
        static Link of(LineageGraph.Edge edge) {
            return new Link(VersionRef.of(edge.predecessor()), VersionRef.of(edge.successor()), edge.effectiveDate(),
                    edge.kind().name());
        }
    }
}
