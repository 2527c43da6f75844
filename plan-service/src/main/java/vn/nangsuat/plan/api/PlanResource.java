package vn.nangsuat.plan.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
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
import vn.nangsuat.kit.openapi.TaggedAnswer;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.kit.web.SharedCaching;
import vn.nangsuat.plan.domain.LegalBasis;
import vn.nangsuat.plan.domain.Plan;
import vn.nangsuat.plan.domain.PlanRegistry;
import vn.nangsuat.plan.domain.PlanRepository;
import vn.nangsuat.plan.domain.PlanState;
import vn.nangsuat.plan.domain.Plans;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Each province's productivity plans: lifecycle, audit trail, targets and progress")
public class PlanResource {

    private final Plans plans;
    private final PlanRegistry registry;
    private final PlanMapper mapper;
    private final SecurityIdentity identity;

    public PlanResource(Plans plans, PlanRegistry registry, PlanMapper mapper, SecurityIdentity identity) {
        this.plans = plans;
        this.registry = registry;
        this.mapper = mapper;
        this.identity = identity;
    }

    @GET
    @Cache(sMaxAge = SharedCaching.READ_MODEL_SECONDS)
    @Operation(summary = "List the plans", description = "Sorted by unit code, first year, then id. A shared cache may "
            + "keep the answer for " + SharedCaching.READ_MODEL_SECONDS + " s (Cache-Control: s-maxage).")
    @APIResponse(responseCode = "200", description = "One page of plans; Link headers point to the other pages",
            content = @Content(schema = @Schema(implementation = PlanPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response list(
            @Parameter(description = "Only this unit's plans", example = "46") @QueryParam("unit")
            @Pattern(regexp = PlanRequests.UNIT, message = PlanRequests.UNIT_EXPECTED) String unit,
            @Parameter(description = "Only plans in this state") @QueryParam("state") PlanState state,
            @Parameter(description = "Only plans under this legal basis") @QueryParam("legalBasis") LegalBasis legalBasis,
            @Valid @BeanParam PageParams paging, @Context UriInfo uri, @Context Request request) {
        var page = plans.plans(new PlanRepository.Filter(unit, state, legalBasis), paging.toRequest()).map(mapper::toView);
        return page.toResponse(uri, request, Preconditions.etag(page.items()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One plan", description = "Carries an ETag; send it as If-Match to change the plan.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public Response get(@Parameter(description = "Plan id", example = "17") @PathParam("id") long id,
            @Context Request request) {
        Plan plan = plans.plan(id);
        EntityTag etag = EntityTag.valueOf(plan.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(mapper.toView(plan))).tag(etag).build();
    }

    @GET
    @Path("/{id}/transitions")
    @Operation(summary = "A plan's audit trail", description = "Every step of its life, the drafting first.")
    @APIResponse(responseCode = "200", description = "The steps",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TransitionView.class)))
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public List<TransitionView> transitions(@Parameter(description = "Plan id", example = "17") @PathParam("id") long id) {
        return plans.transitions(id).stream().map(PlanMapper::toView).toList();
    }

    @TaggedAnswer
    @IdempotentCreate
    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a plan (role admin, or province-editor of the unit)",
            description = "The unit must be in force in the plan's first year; the plan belongs to that version of it "
                    + "for good. The plan starts as DRAFT. Publishes plan.created.")
    @APIResponse(responseCode = "201", description = "Drafted; Location names it, ETag tags it",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or the unit is not in force in the first year")
    @APIResponse(responseCode = "403", description = "The token may not write this unit's plans")
    public Response draft(@Valid @NotNull PlanRequests.NewPlan body) {
        Plan plan = registry.draft(body.toDraft(), identity.getPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/api/v1/plans/{id}").build(plan.id))
                .entity(mapper.toView(plan)).tag(EntityTag.valueOf(plan.etag())).build();
    }

    @TaggedAnswer
    @PATCH
    @Path("/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a plan's details (role admin, or province-editor of the unit)",
            description = "Fields left out keep their value. If-Match must carry the ETag a read returned. "
                    + "Publishes plan.changed.")
    @APIResponse(responseCode = "200", description = "The corrected plan, with its new ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "403", description = "The token may not write this unit's plans")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "The plan is COMPLETED or WITHDRAWN: its details are final")
    @APIResponse(responseCode = "412", description = "The plan changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response correct(@Parameter(description = "Plan id", example = "17") @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PlanRequests.PlanCorrection body) {
        Plan plan = registry.correct(id, body.toCorrection(), ifMatch);
        return Response.ok(mapper.toView(plan)).tag(EntityTag.valueOf(plan.etag())).build();
    }

    @TaggedAnswer
    @IdempotentCreate
    @POST
    @Path("/{id}/transitions")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a plan to another state (role admin, or province-editor of the unit)",
            description = "DRAFT -> SUBMITTED -> APPROVED -> IN_PROGRESS -> COMPLETED; SUBMITTED -> RETURNED -> SUBMITTED; "
                    + "WITHDRAWN from any open state. APPROVED needs the approving decision's number and date. The step "
                    + "is kept in the audit trail. If-Match must carry the ETag a read returned. Publishes plan.transitioned.")
    @APIResponse(responseCode = "200", description = "The plan in its new state, with its new ETag",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "403", description = "The token may not write this unit's plans")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "The move is not allowed from the plan's state (the problem names "
            + "the allowed ones), or approval lacks the decision's number or date")
    @APIResponse(responseCode = "412", description = "The plan changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response move(@Parameter(description = "Plan id", example = "17") @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PlanRequests.Transition body) {
        Plan plan = registry.move(id, body.to(), body.comment(), ifMatch, identity.getPrincipal().getName());
        return Response.ok(mapper.toView(plan)).tag(EntityTag.valueOf(plan.etag())).build();
    }

    /** Names the page of plans in the OpenAPI document. */
    @Schema(name = "PlanPage")
    public record PlanPage(List<PlanView> items, int page, int size, long totalItems) {
    }
}
