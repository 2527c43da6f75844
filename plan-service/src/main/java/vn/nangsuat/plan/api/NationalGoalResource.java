package vn.nangsuat.plan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.plan.domain.NationalGoal;
import vn.nangsuat.plan.domain.NationalGoals;
import vn.nangsuat.plan.domain.NationalProgress;

@Path("/api/v1/national-goals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "National goals", description = "What Decision 36/QĐ-TTg aims for by 2025 and by 2030")
public class NationalGoalResource {

    private static final String YEAR_EXPECTED = "must be a four-digit year such as 2030";

    private final NationalGoals goals;
    private final NationalProgress progress;

    public NationalGoalResource(NationalGoals goals, NationalProgress progress) {
        this.goals = goals;
        this.progress = progress;
    }

    @GET
    @Operation(summary = "List the national goals with the country's progress",
            description = "Sorted by year, then code. Each goal carries its current value and status, computed at this "
                    + "read from the plans and the values this service holds; the ETag covers them.")
    @APIResponse(responseCode = "200", description = "One page of goals",
            content = @Content(schema = @Schema(implementation = NationalGoalPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response list(
            @Parameter(description = "Only goals for this year", example = "2030")
            @QueryParam("year") @Min(value = 1000, message = YEAR_EXPECTED) @Max(value = 9999, message = YEAR_EXPECTED)
            Integer year,
            @Valid @BeanParam PageParams paging,
            @Context UriInfo uri, @Context Request request) {
        var page = goals.goals(year, paging.toRequest()).map(this::toResponse);
        return page.toResponse(uri, request, Preconditions.etag(page.items()));
    }

    private NationalGoalResponse toResponse(NationalGoal goal) {
        NationalProgress.GoalProgress now = progress.of(goal);
        return new NationalGoalResponse(goal.key.code(), goal.key.year(), goal.comparator, goal.low, goal.high,
                goal.unit, goal.description, goal.source, goal.verified, goal.measure,
                new NationalGoalResponse.Progress(now.status(), now.current(), now.latestYear(), now.reason(),
                        now.plans(), now.unitsInForce()));
    }

    /** Names the page of goals in the OpenAPI document. */
    @Schema(name = "NationalGoalPage")
    public record NationalGoalPage(List<NationalGoalResponse> items, int page, int size, long totalItems) {
    }
}
