package vn.nangsuat.indicator.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.http.Text;
import vn.nangsuat.indicator.domain.ChangeCursor;
import vn.nangsuat.indicator.domain.ChangeFeed;
import vn.nangsuat.indicator.domain.Observation;
import vn.nangsuat.indicator.domain.ObservationRegistry;
import vn.nangsuat.kit.cache.ReadModel;
import vn.nangsuat.kit.openapi.TaggedAnswer;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.CsvWriter;
import vn.nangsuat.kit.web.SharedCaching;
import vn.nangsuat.kit.web.UnitCodes;

@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Observations", description = "The values of the indicators per unit and period, with every revision kept")
public class ObservationResource {

    /** The path of one value: its unit, indicator and period. */
    private static final String ONE = "/{unit}/{indicator}/{period}";

    private final ObservationRegistry registry;
    private final IndicatorReadModels models;
    private final ChangeFeed feed;
    private final SecurityIdentity identity;

    public ObservationResource(ObservationRegistry registry, IndicatorReadModels models, ChangeFeed feed,
            SecurityIdentity identity) {
        this.registry = registry;
        this.models = models;
        this.feed = feed;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A series: the values of a unit for one or more indicators over a range of periods",
            description = "As they stand, or as they stood at an instant (asOf). Each value says its status and revision, "
                    + "so a chart can mark preliminary figures. Sorted by indicator, then period."
                    + IndicatorRequests.KEPT_CURRENT)
    @APIResponse(responseCode = "200", description = "One page of values",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationPage.class)),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid")
    @APIResponse(responseCode = "404", description = "An indicator is unknown")
    @NonBlocking  // a lookup of what is held, on the event loop (IndicatorReadModels)
    public Uni<Response> series(
            @Parameter(description = "Unit code", example = "19", required = true) @QueryParam("unit") @NotNull
            @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unit,
            @Parameter(description = "Indicator code, such as GRDP; repeat for several", required = true)
            @QueryParam("indicator") @NotEmpty
            List<@Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String> indicators,
            @Parameter(description = "First period (2021, 2021Q1, 2021-01); default: the earliest", example = "2021")
            @QueryParam("from") String from,
            @Parameter(description = "Last period; default: the latest", example = "2025") @QueryParam("to") String to,
            @Parameter(description = IndicatorRequests.AS_OF,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf,
            @Valid @BeanParam PageParams paging,
            @Context UriInfo uri, @Context Request request, @Context HttpHeaders headers) {
        return models.unitSeries(new IndicatorReadModels.UnitSeries(unit, indicators,
                ObservationRegistry.rangeEnd("from", from), ObservationRegistry.rangeEnd("to", to), asOf))
                .map(series -> series.page(paging.toRequest(), uri, all -> all).toResponse(request, headers));
    }

    @GET
    @Path("/changes")
    @Operation(summary = "The change feed: every revision recorded after an instant or a cursor, deletions included",
            description = "In the order the revisions were recorded. Start with `updatedAfter`, then send each answer's "
                    + "`next` as `cursor`. Revisions appear once settled (OBSERVATIONS_FEED_SETTLE, and never past an "
                    + "import still committing), so a client following `next` sees each one exactly once.")
    @APIResponse(responseCode = "200", description = "A page of revisions",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationChangesView.class)),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @APIResponse(responseCode = "400", description = "Neither or both of updatedAfter and cursor, or a cursor this service "
            + "did not write")
    public ObservationChangesView changes(
            @Parameter(description = "Revisions recorded after this instant (ISO 8601)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("updatedAfter") Instant updatedAfter,
            @Parameter(description = "Where the previous answer ended (its `next`)") @QueryParam("cursor")
            @Size(max = 400, message = "{cursor.size}") String cursor,
            @Parameter(description = "Only this unit; repeat for several") @QueryParam("unit")
            List<@Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String> units,
            @Parameter(description = "Only this indicator; repeat for several") @QueryParam("indicator")
            List<@Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String> indicators,
            @Parameter(description = "Revisions per page (1 to 1000)") @QueryParam("size") @DefaultValue("100")
            @Min(value = 1, message = "{size.range}") @Max(value = 1000, message = "{size.range}")
            int size) {
        if ((updatedAfter == null) == (cursor == null)) {
            throw ProblemException.invalid(cursor == null ? "updatedAfter" : "cursor", new Text(
                    "give updatedAfter to start, or the cursor of the previous answer to go on, not both",
                    "hãy gửi updatedAfter để bắt đầu, hoặc cursor của câu trả lời trước để đọc tiếp, không gửi"
                            + " cả hai"));
        }
        ChangeCursor from = cursor == null ? ChangeCursor.after(updatedAfter) : ChangeCursor.decode(cursor)
                .orElseThrow(() -> ProblemException.invalid("cursor", new Text(
                        "must be the `next` of an earlier answer", "phải là `next` của một câu trả lời trước đó")));
        return ObservationChangesView.of(feed.after(from, units, indicators, size));
    }

    @GET
    @Path("/harmonized")
    @Operation(summary = "A series comparable across the 2025 mergers: a unit's values on the units in force on a date",
            description = "A period belongs to the units in force on its last day. Before the unit took the form it has on "
                    + "`harmonize`, a value is combined from the units it was made of: the new Thái Nguyên's (19) 2021 "
                    + "labour productivity is (GRDP of 19 + GRDP of 06) / (workers of 19 + workers of 06). Additive values "
                    + "are summed, a ratio is recomputed from its summed parts, a growth from the combined base. A period "
                    + "that cannot be combined honestly (a ratio reported without its parts, a reported-only indicator, a "
                    + "predecessor without a value, a unit split between several) is listed in leftOut with the reason. "
                    + "Only forward: harmonizing to a date before a later period (a 2026 value on 2021's units) is refused."
                    + IndicatorRequests.KEPT_CURRENT)
    @APIResponse(responseCode = "200", description = "The harmonised series",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HarmonizedSeriesView.class)),
                    @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A parameter is invalid, the unit was not in force on the date, or "
            + "the series would run past the date's unit (harmonize forward only)")
    @APIResponse(responseCode = "404", description = "An indicator is unknown")
    @NonBlocking
    public Uni<Response> harmonized(
            @Parameter(description = "Unit code as on the date", example = "19", required = true) @QueryParam("unit") @NotNull
            @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unit,
            @Parameter(description = "Indicator code; repeat for several", required = true)
            @QueryParam("indicator") @NotEmpty
            List<@Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String> indicators,
            @Parameter(description = "First period; default: the earliest", example = "2016") @QueryParam("from") String from,
            @Parameter(description = "Last period; default: the latest", example = "2025") @QueryParam("to") String to,
            @Parameter(description = "Express the series on the units in force on this date", example = "2025-07-01",
                    required = true) @QueryParam("harmonize") @NotNull LocalDate harmonize,
            @Parameter(description = IndicatorRequests.AS_OF,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf,
            @Context Request request, @Context HttpHeaders headers) {
        return models.harmonized(new IndicatorReadModels.Harmonized(unit, indicators, ObservationRegistry.rangeEnd("from",
                from), ObservationRegistry.rangeEnd("to", to), harmonize, asOf))
                .map(answer -> answer.toResponse(request, headers));
    }

    @GET
    @Path(ONE)
    @Operation(summary = "A value as it stands, or as it stood at an instant",
            description = "Carries an ETag (If-None-Match gives 304; send it as If-Match to correct or delete the value).")
    @APIResponse(responseCode = "200", description = "The value", content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No value (then), or the indicator is unknown")
    public Response get(@Valid @BeanParam ObservationKey key,
            @Parameter(description = IndicatorRequests.AS_OF,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("asOf") Instant asOf,
            @Context Request request) {
        Observation observation = registry.value(key.unit, key.indicator, key.period, asOf);
        EntityTag etag = EntityTag.valueOf(observation.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(ObservationView.of(observation))).tag(etag).build();
    }

    @GET
    @Path(ONE + "/history")
    @Operation(summary = "Every revision of a value, oldest first, deletions included")
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ObservationView.class)))
    @APIResponse(responseCode = "404", description = "No value was ever recorded, or the indicator is unknown")
    public List<ObservationView> history(@Valid @BeanParam ObservationKey key) {
        return registry.history(key.unit, key.indicator, key.period).stream().map(ObservationView::of).toList();
    }

    @TaggedAnswer
    @PUT
    @Path(ONE)
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a value, or correct it (role admin, or province-editor of the unit)",
            description = "The first value needs no If-Match; a correction needs the ETag a read returned. The unit must "
                    + "be in force during the period. The value it replaces is kept as a revision. Publishes observation.changed.")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "400", description = "The value, period or unit is invalid")
    @APIResponse(responseCode = "404", description = "The indicator is unknown")
    @APIResponse(responseCode = "409", description = "A concurrent write recorded a value first")
    @APIResponse(responseCode = "412", description = "The value changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "A value exists and If-Match is missing")
    public Response record(@Valid @BeanParam ObservationKey key,
            @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ObservationRequest body,
            @Context UriInfo uri) {
        ObservationRegistry.Written written = registry.record(key.unit, key.indicator, key.period, body.toValue(), ifMatch,
                identity.getPrincipal().getName());
        Response.ResponseBuilder answer = written.created() ? Response.created(uri.getRequestUri()) : Response.ok();
        return answer.entity(ObservationView.of(written.observation()))
                .tag(EntityTag.valueOf(written.observation().etag())).build();
    }

    @DELETE
    @Path(ONE)
    @Authenticated
    @Operation(summary = "Delete a value (role admin, or province-editor of the unit)",
            description = "Needs the ETag a read returned. The value stays in the history and in reads asOf an earlier instant.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No value to delete, or the indicator is unknown")
    @APIResponse(responseCode = "412", description = "The value changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public void delete(@Valid @BeanParam ObservationKey key,
            @HeaderParam("If-Match") String ifMatch) {
        registry.delete(key.unit, key.indicator, key.period, ifMatch, identity.getPrincipal().getName());
    }

    /** Names the page of values in the OpenAPI document. */
    @Schema(name = "ObservationPage")
    public record ObservationPage(List<ObservationView> items, int page, int size, long totalItems) {
    }
}
