package vn.nangsuat.plan.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.openapi.TaggedAnswer;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.web.SharedCaching;
import vn.nangsuat.plan.domain.NationalGoal;
import vn.nangsuat.plan.domain.NationalGoalRegistry;
import vn.nangsuat.plan.domain.NationalGoals;
import vn.nangsuat.plan.domain.NationalProgress;

@Path("/api/v1/national-goals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "National goals", description = "What Decision 36/QĐ-TTg aims for by 2025 and by 2030")
public class NationalGoalResource {

    /** The messages are keys of ValidationMessages.properties (English) and ValidationMessages_vi.properties. */
    private static final String YEAR_EXPECTED = "{year.fourDigits}";
    static final String GOAL_CODE = "[A-Z][A-Z0-9_]{0,59}";
    static final String GOAL_CODE_EXPECTED = "{goalCode.pattern}";

    private final NationalGoals goals;
    private final NationalProgress progress;
    private final NationalGoalRegistry registry;

    public NationalGoalResource(NationalGoals goals, NationalProgress progress, NationalGoalRegistry registry) {
        this.goals = goals;
        this.progress = progress;
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List the national goals with the country's progress",
            description = "Sorted by year, then code. Each goal carries its current value and status, kept current from "
                    + "the plans and the values this service holds (computed again within moments of a change, never at "
                    + "this read); the ETag covers them. A shared cache may keep the answer for "
                    + SharedCaching.READ_MODEL_SECONDS + " s (Cache-Control: s-maxage).")
    @APIResponse(responseCode = "200", description = "One page of goals",
            content = @Content(schema = @Schema(implementation = NationalGoalPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    @NonBlocking  // a lookup of what is held, on the event loop; computed on a worker thread the first time of a day
    public Uni<Response> list(
            @Parameter(description = "Only goals for this year", example = "2030")
            @QueryParam("year") @Min(value = 1000, message = YEAR_EXPECTED) @Max(value = 9999, message = YEAR_EXPECTED)
            Integer year,
            @Valid @BeanParam PageParams paging,
            @Context UriInfo uri, @Context Request request, @Context HttpHeaders headers) {
        // The goals' tag in the query: a corrected goal (its snapshot loaded again) gives views of their own. The goals
        // are held once the progress is (it is computed from them), so nothing here waits for the database.
        return progress.nowWithoutBlocking().map(country -> country
                .view(goals.tag(), now -> goals.all().stream().map(goal -> toResponse(goal, now)).toList())
                .page(paging.toRequest(), uri, all -> year == null ? all : all.stream()
                        .filter(goal -> goal.year() == year).toList())
                .toResponse(request, headers));
    }

    @GET
    @Path("/{code}/{year}")
    @Operation(summary = "One national goal with the country's progress",
            description = "Its ETag covers the progress too; send it as If-Match to correct the goal.")
    @APIResponse(responseCode = "200", description = "The goal",
            content = @Content(schema = @Schema(implementation = NationalGoalResponse.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such goal")
    public Response get(@Parameter(description = "Goal code", example = "PROVINCES_WITH_PLAN") @PathParam("code")
            @jakarta.validation.constraints.Pattern(regexp = GOAL_CODE, message = GOAL_CODE_EXPECTED) String code,
            @Parameter(description = "The goal's year", example = "2025") @PathParam("year") int year,
            @Context Request request) {
        NationalGoal goal = goals.goal(code, year);
        NationalProgress.GoalProgress now = progress.current(goal);
        EntityTag etag = EntityTag.valueOf(NationalGoals.tag(goal, now));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(NationalGoalMapper.toResponse(goal, now))).tag(etag)
                .header(HttpHeaders.CACHE_CONTROL, SharedCaching.READ_MODEL_CACHE_CONTROL).build();
    }

    @TaggedAnswer
    @PATCH
    @Path("/{code}/{year}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a national goal (admin)",
            description = "The figures come from press summaries until checked against the legal text: correct them, "
                    + "mark them verified, or change how the goal is measured. Fields left out keep their value. "
                    + "If-Match must carry the ETag a read returned. Publishes national-goal.changed.")
    @APIResponse(responseCode = "200", description = "The corrected goal, with its new ETag",
            content = @Content(schema = @Schema(implementation = NationalGoalResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid (a BETWEEN without high, a baseline after the year, ...)")
    @APIResponse(responseCode = "404", description = "No such goal")
    @APIResponse(responseCode = "412", description = "The goal or its progress changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response correct(@PathParam("code")
            @jakarta.validation.constraints.Pattern(regexp = GOAL_CODE, message = GOAL_CODE_EXPECTED) String code,
            @PathParam("year") int year, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NationalGoalCorrection body) {
        NationalGoal goal = registry.correct(code, year, body.toCorrection(), ifMatch);
        NationalProgress.GoalProgress now = progress.current(goal);  // computed again before the commit answered
        return Response.ok(NationalGoalMapper.toResponse(goal, now)).tag(EntityTag.valueOf(NationalGoals.tag(goal, now)))
                .build();
    }

    private static NationalGoalResponse toResponse(NationalGoal goal, Map<String, NationalProgress.GoalProgress> country) {
        return NationalGoalMapper.toResponse(goal, country.get(NationalProgress.key(goal)));
    }

    /** Names the page of goals in the OpenAPI document. */
    @Schema(name = "NationalGoalPage")
    public record NationalGoalPage(List<NationalGoalResponse> items, int page, int size, long totalItems) {
    }
}
