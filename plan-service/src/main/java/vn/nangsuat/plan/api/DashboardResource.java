package vn.nangsuat.plan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.web.Conditional;
import vn.nangsuat.plan.domain.Dashboard;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class DashboardResource {

    private final Dashboard dashboard;
    private final ObjectMapper json;

    public DashboardResource(Dashboard dashboard, ObjectMapper json) {
        this.dashboard = dashboard;
        this.json = json;
    }

    @GET
    @Operation(summary = "Every unit in force today with its plans and the status of each target, in one answer",
            description = "For frontends' overview maps. A unit carries its own plans and those of the units that became "
                    + "part of it (marked inherited). The ETag is computed over the body: If-None-Match gives 304 until "
                    + "a plan, a target or a progress changes.")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(schema = @Schema(implementation = DashboardView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response get(@Context Request request) {
        LocalDate today = LocalDate.now();
        DashboardView view = DashboardView.of(today, dashboard.on(today));
        return Conditional.ok(request, view, json);
    }
}
