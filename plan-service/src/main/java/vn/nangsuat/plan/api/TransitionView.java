package vn.nangsuat.plan.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.PlanState;

@Schema(name = "PlanTransition", description = "One step of a plan's life, as its audit trail keeps it")
public record TransitionView(
        @Schema(description = "1 for the drafting, then one more per step", examples = "2") int seq,
        @Schema(description = "Null for the drafting", nullable = true) PlanState from,
        PlanState to,
        @Schema(description = "Who moved it (the token's subject)", examples = "editor-46") String actor,
        Instant at,
        @Schema(examples = "Submitted to the People's Committee", nullable = true) String comment) {
}
