package vn.nangsuat.province.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.idempotency.IdempotentCreate;
import vn.nangsuat.kit.openapi.TaggedAnswer;
import vn.nangsuat.kit.paging.PageParams;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.CsvWriter;
import vn.nangsuat.kit.web.SharedCaching;
import vn.nangsuat.kit.web.UnitCodes;
import vn.nangsuat.province.domain.LineageGraph;
import vn.nangsuat.province.domain.ProvinceCatalog;
import vn.nangsuat.province.domain.ProvinceRegistry;
import vn.nangsuat.province.domain.Region;
import vn.nangsuat.province.domain.UnitKind;
import vn.nangsuat.province.domain.UnitVersion;
import vn.nangsuat.rules.Territory;

@Path("/api/v1/provinces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provinces", description = "Provincial-level units over time: the 63 until 2025-06-30, the 34 from 2025-07-01")
public class ProvinceResource {

    private final ProvinceCatalog catalog;
    private final ProvinceRegistry registry;
    private final Clock clock;
    private final SecurityIdentity identity;

    public ProvinceResource(ProvinceCatalog catalog, ProvinceRegistry registry, Clock clock, SecurityIdentity identity) {
        this.catalog = catalog;
        this.registry = registry;
        this.clock = clock;
        this.identity = identity;
    }

    @GET
    @Cache(sMaxAge = SharedCaching.SECONDS)
    @Operation(summary = "List the units in force on a date",
            description = "Sorted by code. The same query on 2025-06-30 and 2025-07-01 gives the 63 and the 34 units. "
                    + "When a search finds no unit in force, or with includeFormer=true, the former units that match follow "
                    + "(former: true), each with the units in force on the date that its territory became (\"bac kan\" "
                    + "finds Bắc Kạn, former, now part of Thái Nguyên).")
    @APIResponse(responseCode = "200", description = "One page of units; Link headers point to the other pages",
            content = @Content(schema = @Schema(implementation = ProvinceUnitPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response list(
            @Parameter(description = "Date the units are in force (ISO 8601); default today", example = "2025-07-01")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "Only units of this socio-economic region (any case)") @QueryParam("region") Region region,
            @Parameter(description = "Only provinces or only centrally-run cities (any case)") @QueryParam("kind") UnitKind kind,
            @Parameter(description = "Search: ignores case and Vietnamese marks, and knows other names and abbreviations"
                    + " (\"da nang\", \"HCM\", \"Sài Gòn\")", example = "hue")
            @QueryParam("q") @Size(max = 100, message = "{search.maxLength}") String q,
            @Parameter(description = "code or name, - before it for descending", example = "name")
            @QueryParam("sort") @DefaultValue("code")
            @Pattern(regexp = "-?(code|name)", message = "{sort.codeOrName}") String sort,
            @Parameter(description = "Also list the units that had ended by asOf and match (after those in force)")
            @QueryParam("includeFormer") @DefaultValue("false") boolean includeFormer,
            @Valid @BeanParam PageParams paging,
            @Context UriInfo uri, @Context Request request) {
        boolean descending = sort.startsWith("-");
        ProvinceCatalog.Order order = ProvinceCatalog.Order.valueOf(sort.substring(descending ? 1 : 0).toUpperCase(Locale.ROOT));
        String dataTag = catalog.tag();  // before the read: a change in between gives a newer tag next time
        return catalog.unitsOn(onOrToday("asOf", asOf), region, kind, q, order, descending, includeFormer, paging.toRequest())
                .map(ProvinceMapper::toResponse)
                .toResponse(uri, request, dataTag);
    }

    @GET
    @Cache(sMaxAge = SharedCaching.SECONDS)
    @Path("/{code}")
    @Operation(summary = "One unit as it stood on a date",
            description = "Carries the ETag of the code (the same on every date, changed by any change to the code); "
                    + "send it back as If-None-Match for a 304, or as If-Match to change the unit.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = ProvinceUnit.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "The code or date is malformed")
    @APIResponse(responseCode = "404", description = "No unit has this code on that date")
    public Response get(
            @Parameter(description = "Two-digit administrative code", example = "38")
            @PathParam("code") @Pattern(regexp = UnitRequests.CODE, message = UnitCodes.MESSAGE) String code,
            @Parameter(description = "Date (ISO 8601); default today") @QueryParam("asOf") LocalDate asOf,
            @Context Request request) {
        ProvinceCatalog.TaggedUnit unit = catalog.taggedUnitOn(code, onOrToday("asOf", asOf));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(EntityTag.valueOf(unit.etag()));
        return notModified != null ? notModified.build() : withEtag(unit.version(), unit.etag(), Response.Status.OK);
    }

    @GET
    @Cache(sMaxAge = SharedCaching.SECONDS)
    @Path("/{code}/history")
    @Operation(summary = "Every version a code has named, oldest first")
    @APIResponse(responseCode = "200", description = "The versions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProvinceUnit.class)))
    @APIResponse(responseCode = "400", description = "The code is malformed")
    @APIResponse(responseCode = "404", description = "No unit has ever had this code")
    public List<ProvinceUnit> history(
            @Parameter(example = "46") @PathParam("code") @Pattern(regexp = UnitRequests.CODE, message = UnitCodes.MESSAGE) String code) {
        return catalog.history(code).stream().map(ProvinceMapper::toResponse).toList();
    }

    @GET
    @Cache(sMaxAge = SharedCaching.SECONDS)
    @Path("/{code}/lineage")
    @Operation(summary = "What a unit came from and became, with dates, transitively",
            description = "For the version of the code in force on asOf (default today).")
    @APIResponse(responseCode = "200", description = "The lineage",
            content = @Content(schema = @Schema(implementation = LineageView.class)))
    @APIResponse(responseCode = "400", description = "The code or date is malformed")
    @APIResponse(responseCode = "404", description = "No unit has this code on that date")
    public LineageView lineage(
            @Parameter(example = "19") @PathParam("code") @Pattern(regexp = UnitRequests.CODE, message = UnitCodes.MESSAGE) String code,
            @Parameter(description = "Date (ISO 8601); default today") @QueryParam("asOf") LocalDate asOf) {
        UnitVersion version = catalog.unitOn(code, onOrToday("asOf", asOf));
        LineageGraph graph = catalog.graph();
        return new LineageView(ProvinceMapper.toResponse(version),
                graph.ancestry(version.id).stream().map(LineageView.Link::of).toList(),
                graph.descent(version.id).stream().map(LineageView.Link::of).toList());
    }

    @GET
    @Cache(sMaxAge = SharedCaching.SECONDS)
    @Path("/crosswalk")
    @Produces({ MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV })
    @Operation(summary = "Map the units of one date to those of another",
            description = "For each unit in force on `from`, the unit(s) in force on `to` its territory became (or, "
                    + "when `to` is earlier, came from). JSON by default; CSV with `Accept: text/csv` or `format=csv`.")
    @APIResponse(responseCode = "200", description = "The crosswalk",
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Crosswalk.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                            example = "fromCode,fromName,toCode,toName,relation\n06,\"Bắc Kạn\",19,\"Thái Nguyên\",MERGED\n") })
    @APIResponse(responseCode = "400", description = "A date or the format is invalid")
    public Response crosswalk(
            @Parameter(required = true, example = "2025-06-30")
            @QueryParam("from") @NotNull(message = "{crosswalkFrom.required}") LocalDate from,
            @Parameter(description = "default today", example = "2025-07-01") @QueryParam("to") LocalDate to,
            @Parameter(description = "json or csv (any case); overrides Accept") @QueryParam("format") Crosswalk.Format format,
            @Context HttpHeaders headers) {
        LocalDate toDate = onOrToday("to", to);
        boolean csv = format != null ? format == Crosswalk.Format.CSV
                : CsvWriter.asksForCsv(headers.getAcceptableMediaTypes());
        modelled("from", from);
        Crosswalk crosswalk = Crosswalk.of(from, toDate, catalog.graph().crosswalk(from, toDate));
        return Response.ok(crosswalk, csv ? CsvWriter.TEXT_CSV : MediaType.APPLICATION_JSON).build();
    }

    @TaggedAnswer
    @IdempotentCreate
    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a unit from a date (admin)",
            description = "The code must be free from validFrom on. Publishes province.created.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag tags it",
            content = @Content(schema = @Schema(implementation = ProvinceUnit.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid")
    @APIResponse(responseCode = "409", description = "The code already names a unit on or after validFrom, or a concurrent request created it first")
    public Response create(@Valid @NotNull UnitRequests.NewUnit body) {
        ProvinceRegistry.Written written = registry.create(body.code(),
                new ProvinceRegistry.UnitFields(body.name(), body.kind(), body.region()), body.validFrom());
        UnitVersion unit = written.version();
        return Response.fromResponse(withEtag(unit, written.etag(), Response.Status.CREATED))
                .location(UriBuilder.fromPath("/api/v1/provinces/{code}").queryParam("asOf", unit.validFrom)
                        .build(unit.code))
                .build();
    }

    @TaggedAnswer
    @POST
    @Path("/{code}/changes")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the unit in force from a date (admin)",
            description = "Closes the version in force the day before effectiveDate and opens a new one. "
                    + "If-Match must carry the ETag that a read of the unit (on any date) returned. Publishes province.changed.")
    @APIResponse(responseCode = "200", description = "The new version",
            content = @Content(schema = @Schema(implementation = ProvinceUnit.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code is in force")
    @APIResponse(responseCode = "412", description = "The unit changed since it was read (stale If-Match)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response change(@PathParam("code") @Pattern(regexp = UnitRequests.CODE, message = UnitCodes.MESSAGE) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull UnitRequests.UnitChange body) {
        ProvinceRegistry.Written next = registry.change(code,
                new ProvinceRegistry.UnitFields(body.name(), body.kind(), body.region()), body.effectiveDate(), ifMatch);
        return withEtag(next.version(), next.etag(), Response.Status.OK);
    }

    @IdempotentCreate
    @POST
    @Path("/reorganizations")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge or split units on a date (admin)",
            description = "Atomic: every predecessor ends the day before effectiveDate and every successor begins on it, "
                    + "or nothing changes. Refuses overlaps and gaps, and an effectiveDate before today unless the body "
                    + "says backdated: true. With dryRun=true it does all of it and keeps nothing: the answer shows every "
                    + "version closed and opened, the lineage added, the units in force on the date and today before and "
                    + "after, and the events it would publish. Publishes province.reorganized for each unit touched and "
                    + "the state of every version touched. The answer's id names it for a revert.")
    @APIResponse(responseCode = "200", description = "What it did (or, in a dry run, would do)",
            content = @Content(schema = @Schema(implementation = ReorganizationResult.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid, or back-dated without backdated: true")
    @APIResponse(responseCode = "409", description = "A predecessor is not in force, or a successor code is taken")
    public Response reorganize(
            @Parameter(description = "True: do it all, answer what it did, keep nothing (no version, no event)")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Valid @NotNull UnitRequests.Reorganization body) {
        ProvinceRegistry.Reorganization done = registry.reorganize(new ProvinceRegistry.ReorganizationRequest(body.kind(),
                body.effectiveDate(), body.predecessors(), body.successors().stream().map(s -> new ProvinceRegistry.Successor(
                        s.code(), new ProvinceRegistry.UnitFields(s.name(), s.kind(), s.region()))).toList(),
                Boolean.TRUE.equals(body.backdated()), dryRun, identity.getPrincipal().getName()));
        return Response.ok(new ReorganizationResult(done.id(), done.dryRun(), done.effectiveDate(), done.kind().name(),
                done.predecessors().stream().map(ProvinceMapper::toResponse).toList(),
                done.successors().stream().map(ProvinceMapper::toResponse).toList(),
                done.lineage().stream().map(edge -> new ReorganizationResult.LineageEdge(edge.fromCode(),
                        edge.fromValidFrom(), edge.toCode(), edge.toValidFrom())).toList(),
                done.unitsInForce().stream().map(count -> new ReorganizationResult.UnitsInForce(count.day(),
                        count.before(), count.after())).toList(),
                done.events().stream().map(event -> new ReorganizationResult.PublishedEvent(event.topic(), event.type(),
                        event.key())).toList())).build();
    }

    @POST
    @Path("/reorganizations/{id}/revert")
    @RolesAllowed("admin")
    @Operation(summary = "Revert the last reorganisation (admin)",
            description = "Undoes the last reorganisation recorded, exactly: the versions it opened are deleted with their "
                    + "lineage, the versions it closed are in force again as they were. Publishes "
                    + "province.reorganization-reverted for each unit touched, the state of each version reopened and a "
                    + "withdrawn state for each version deleted, so every replica undoes it too. Only the last standing "
                    + "reorganisation, and only while what it opened and closed is unchanged since.")
    @APIResponse(responseCode = "200", description = "The versions in force again, and those withdrawn",
            content = @Content(schema = @Schema(implementation = RevertResult.class)))
    @APIResponse(responseCode = "404", description = "No reorganisation has that id")
    @APIResponse(responseCode = "409", description = "Not the last one, reverted already, or changed since")
    public RevertResult revert(@PathParam("id") long id) {
        ProvinceRegistry.Reverted done = registry.revert(id, identity.getPrincipal().getName());
        return new RevertResult(done.id(), done.effectiveDate(), done.kind().name(),
                done.reopened().stream().map(ProvinceMapper::toResponse).toList(),
                done.withdrawn().stream().map(ProvinceMapper::toResponse).toList());
    }

    /** A date parameter, or today when it is absent; a 400 naming it before the units are fully modelled. */
    private LocalDate onOrToday(String field, LocalDate date) {
        return modelled(field, date != null ? date : LocalDate.now(clock));
    }

    private static LocalDate modelled(String field, LocalDate date) {
        if (!Territory.modelled(date)) {
            throw ProblemException.invalid(field, new Text(Territory.whyNotModelled(date),
                    Territory.whyNotModelledInVietnamese(date)));
        }
        return date;
    }

    /** The version with its code's ETag, which a client sends back as If-None-Match or If-Match. */
    private static Response withEtag(UnitVersion version, String etag, Response.Status status) {
        return Response.status(status).entity(ProvinceMapper.toResponse(version)).tag(EntityTag.valueOf(etag)).build();
    }

    /** Names the page of units in the OpenAPI document; the body is a {@link Page} of {@link ProvinceUnit}. */
    @Schema(name = "ProvinceUnitPage")
    public record ProvinceUnitPage(List<ProvinceUnit> items, int page, int size, long totalItems) {
    }
}
