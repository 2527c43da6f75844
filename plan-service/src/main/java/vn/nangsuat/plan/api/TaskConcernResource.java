package vn.nangsuat.plan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.plan.domain.Task;
import vn.nangsuat.plan.domain.TaskRepository;
import vn.nangsuat.plan.domain.Tasks;

@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@Path("/api/v1/tasks")
public class TaskConcernResource {

    private final Tasks tasks;

    public TaskConcernResource(Tasks tasks) {
        this.tasks = tasks;
    }

    @GET
    @Operation(summary = "Tasks overdue or lagging, across all provinces",
            description = "Sorted by end date. Overdue: open after its end date. Lagging: open, not overdue, and more than "
                    + Task.LAG_TOLERANCE + " points of percentDone behind the share of its time that has passed.")
    @APIResponse(responseCode = "200", description = "One page of tasks; Link headers point to the other pages",
            content = @Content(schema = @Schema(implementation = TaskPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response withConcern(
            @Parameter(description = "OVERDUE or LAGGING", required = true) @QueryParam("concern") @NotNull
            TaskRepository.Concern concern,
            @Parameter(description = "Only this unit's plans", example = "06") @QueryParam("unit")
            @Pattern(regexp = PlanRequests.UNIT, message = PlanRequests.UNIT_EXPECTED) String unit,
            @Valid @BeanParam PageParams paging, @Context UriInfo uri, @Context Request request) {
        LocalDate today = LocalDate.now();
        var page = tasks.withConcern(concern, unit, today, paging.toRequest()).map(task -> TaskView.of(task, today));
        return page.toResponse(uri, request, Preconditions.etag(page.items()));
    }

    /** Names the page of tasks in the OpenAPI document. */
    @Schema(name = "TaskPage")
    public record TaskPage(List<TaskView> items, int page, int size, long totalItems) {
    }
}
