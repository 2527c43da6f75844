package vn.nangsuat.plan.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.kit.web.SharedCaching;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class DashboardResource {

    private final DashboardReadModel dashboard;

    public DashboardResource(DashboardReadModel dashboard) {
        this.dashboard = dashboard;
    }

    @GET
    @Operation(summary = "Every unit in force today with its plans and the status of each target, in one answer",
            description = "For frontends' overview maps. A unit carries its own plans and those of the units that became "
                    + "part of it (marked inherited). Kept current from the plans, targets, progress and units "
                    + "(computed again within moments of a change, never at this read). The ETag is computed over the body: "
                    + "If-None-Match gives 304 until a plan, a target or a progress changes. A shared cache may keep the "
                    + "answer for " + SharedCaching.READ_MODEL_SECONDS + " s (Cache-Control: s-maxage).")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(schema = @Schema(implementation = DashboardView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @NonBlocking  // a lookup of what is held, on the event loop; computed on a worker thread the first time of a day
    public Uni<Response> get(@Context Request request, @Context HttpHeaders headers) {
        return dashboard.today().map(today -> today.toResponse(request, headers));
    }
}
