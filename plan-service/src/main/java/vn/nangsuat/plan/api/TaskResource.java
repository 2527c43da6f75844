package vn.nangsuat.plan.api;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.idempotency.IdempotentCreate;
import vn.nangsuat.kit.openapi.TaggedAnswer;
import vn.nangsuat.plan.domain.Task;
import vn.nangsuat.plan.domain.TaskRegistry;
import vn.nangsuat.plan.domain.Tasks;

@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "The tasks (nhiệm vụ) plans carry out, and those overdue or lagging across provinces")
@Path("/api/v1/plans/{planId}/tasks")
public class TaskResource {

    private final Tasks tasks;
    private final TaskRegistry registry;

    public TaskResource(Tasks tasks, TaskRegistry registry) {
        this.tasks = tasks;
        this.registry = registry;
    }

    @GET
    @Operation(summary = "A plan's tasks", description = "Sorted by start date.")
    @APIResponse(responseCode = "200", description = "The tasks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "No plan has this id")
    public List<TaskView> ofPlan(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId) {
        LocalDate today = LocalDate.now();
        return tasks.ofPlan(planId).stream().map(task -> TaskView.of(task, today)).toList();
    }

    @GET
    @Path("/{taskId}")
    @Operation(summary = "One task", description = "Carries an ETag; send it as If-Match to change the task.")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "404", description = "The plan has no such task")
    public Response get(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId,
            @Parameter(description = "Task id", example = "88") @PathParam("taskId") long taskId) {
        Task task = tasks.task(planId, taskId);
        return Response.ok(TaskView.of(task, LocalDate.now())).tag(EntityTag.valueOf(task.etag())).build();
    }

    @TaggedAnswer
    @IdempotentCreate
    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a task to a plan (role admin, or province-editor of the plan's unit)",
            description = "Within the plan's years. Publishes plan.task-changed.")
    @APIResponse(responseCode = "201", description = "Added; Location names it, ETag tags it",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "403", description = "The token may not write this unit's plans")
    @APIResponse(responseCode = "404", description = "No plan has this id")
    @APIResponse(responseCode = "409", description = "The plan is COMPLETED or WITHDRAWN")
    public Response add(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId,
            @Valid @NotNull TaskRequest.NewTask body) {
        Task task = registry.add(planId, body.toDetails());
        return Response.created(UriBuilder.fromPath("/api/v1/plans/{planId}/tasks/{id}").build(planId, task.id))
                .entity(TaskView.of(task, LocalDate.now())).tag(EntityTag.valueOf(task.etag())).build();
    }

    @TaggedAnswer
    @PATCH
    @Path("/{taskId}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a task: its progress, status or details (role admin, or province-editor of the unit)",
            description = "Fields left out keep their value; a DONE task is 100 % done. If-Match must carry the ETag a "
                    + "read returned. Publishes plan.task-changed.")
    @APIResponse(responseCode = "200", description = "The task, with its new ETag",
            content = @Content(schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "403", description = "The token may not write this unit's plans")
    @APIResponse(responseCode = "404", description = "The plan has no such task")
    @APIResponse(responseCode = "409", description = "The plan is COMPLETED or WITHDRAWN")
    @APIResponse(responseCode = "412", description = "The task changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response correct(@Parameter(description = "Plan id", example = "17") @PathParam("planId") long planId,
            @Parameter(description = "Task id", example = "88") @PathParam("taskId") long taskId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TaskRequest.TaskCorrection body) {
        Task task = registry.correct(planId, taskId, body.toDetails(), ifMatch);
        return Response.ok(TaskView.of(task, LocalDate.now())).tag(EntityTag.valueOf(task.etag())).build();
    }
}
