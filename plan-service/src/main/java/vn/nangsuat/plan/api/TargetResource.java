package vn.nangsuat.plan.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;
import vn.nangsuat.kit.idempotency.IdempotentCreate;
import vn.nangsuat.kit.web.SharedCaching;
import vn.nangsuat.plan.domain.TargetRegistry;
import vn.nangsuat.plan.domain.Targets;

@Path("/api/v1/plans/{planId}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class TargetResource {

    private final Targets targets;
    private final TargetRegistry registry;

    public TargetResource(Targets targets, TargetRegistry registry) {
        this.targets = targets;
        this.registry = registry;
    }

    @GET
    @Cache(sMaxAge = SharedCaching.READ_MODEL_SECONDS)
    @Operation(summary = "A plan's targets with their progress", description = "In the order they were set. Progress "
            + "moves with indicator events, which pass no gateway: a shared cache may keep the answer for "
            + SharedCaching.READ_MODEL_SECONDS + " s (Cache-Control: s-maxage).")
    @APIResponse(responseCode = "200", description = "The targets",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TargetView.class)))
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public List<TargetView> list(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId) {
        return targets.ofPlan(planId).stream().map(set -> TargetMapper.toView(set.target(), set.progress())).toList();
    }

    @GET
    @Path("/{targetId}")
    @Operation(summary = "One target with its progress")
    @APIResponse(responseCode = "200", description = "The target", content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "404", description = "The plan has no such target")
    public TargetView get(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId,
            @Parameter(description = "Target id", example = "41") @PathParam("targetId") long targetId) {
        TargetRegistry.Set set = targets.target(planId, targetId);
        return TargetMapper.toView(set.target(), set.progress());
    }

    @IdempotentCreate
    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a target of a plan (role admin, or province-editor of the plan's unit)",
            description = "The indicator must be yearly and have a better direction; a GROWTH target needs a level (not a "
                    + "reported-only or growth indicator) and a baseline above 0; a CUMULATIVE one an additive count. "
                    + "Its progress is computed at once from the values this service holds, and again at every change "
                    + "of them.")
    @APIResponse(responseCode = "201", description = "Set; Location names it",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or the indicator does not fit the target")
    @APIResponse(responseCode = "403", description = "The token may not write this unit's plans")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "The plan already has such a target, or is COMPLETED or WITHDRAWN")
    public Response add(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId,
            @Valid @NotNull TargetRequest body) {
        TargetRegistry.Set set = registry.add(planId, body.toNewTarget());
        return Response.created(UriBuilder.fromPath("/api/v1/plans/{planId}/targets/{id}").build(planId, set.target().id))
                .entity(TargetMapper.toView(set.target(), set.progress())).build();
    }
}
