package vn.nangsuat.indicator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nangsuat.http.Problem;
import vn.nangsuat.http.ProblemLanguage;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.Text;
import vn.nangsuat.http.TitledProblem;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.ObservationRegistry;
import vn.nangsuat.indicator.imports.ImportFormat;
import vn.nangsuat.indicator.imports.ImportJob;
import vn.nangsuat.indicator.imports.ImportOptions;
import vn.nangsuat.indicator.imports.Imports;
import vn.nangsuat.indicator.imports.ReplaceScope;
import vn.nangsuat.indicator.imports.RowError;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.kit.web.RequestIds;
import vn.nangsuat.kit.web.UnitCodes;
import vn.nangsuat.rules.Period;

@Path("/api/v1/observations/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Bulk imports of values for provincial IT systems: CSV or JSON, streamed, checked"
        + " row by row, committed all at once")
public class ImportResource {

    private static final String CSV = "text/csv";
    private static final String INVALID_ROWS = "{\"type\": \"https://nangsuat.vn/problems/invalid-import\", \"title\": \"Bad Request\","
            + " \"status\": 400, \"detail\": \"2 rows are invalid: nothing was imported (onError=skip commits the valid ones)\","
            + " \"instance\": \"/api/v1/observations/imports\", \"requestId\": \"3f1c9a52-7d4e-4b8a-9a41-0c2e5d6f7a81\","
            + " \"errors\": [{\"line\": 2, \"field\": \"value\", \"value\": \"1e400\", \"message\": \"must be less than 10^18"
            + " in size\"}, {\"line\": 6, \"field\": \"unit\", \"value\": \"06\", \"message\": \"06 (Bắc Kạn) ceased on"
            + " 2025-06-30 and became part of 19: a value for 2026 belongs to 19\"}], \"errorCount\": 2,"
            + " \"job\": \"https://api.nangsuat.vn/api/v1/observations/imports/0b7c3f4e-55a8-4c1e-9a61-0d6f2a9f3e10\"}";
    private static final String ANOTHER_PROVINCE = "{\"type\": \"https://nangsuat.vn/problems/forbidden\", \"title\": \"Forbidden\","
            + " \"status\": 403, \"detail\": \"This token may not write the data of unit 06: the whole import is refused\","
            + " \"instance\": \"/api/v1/observations/imports\", \"requestId\": \"3f1c9a52-7d4e-4b8a-9a41-0c2e5d6f7a81\","
            + " \"errors\": [{\"line\": 3, \"field\": \"unit\", \"value\": \"06\", \"message\": \"this token may not write"
            + " the data of unit 06\"}], \"errorCount\": 1,"
            + " \"job\": \"https://api.nangsuat.vn/api/v1/observations/imports/0b7c3f4e-55a8-4c1e-9a61-0d6f2a9f3e10\"}";
    private static final java.util.regex.Pattern PREFER_WAIT = java.util.regex.Pattern.compile("wait=(\\d{1,6})");

    private final Imports imports;
    private final IndicatorCatalog indicators;
    private final ProvinceScope scope;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Snapshots snapshots;
    private final Duration syncWait;

    public ImportResource(Imports imports, IndicatorCatalog indicators, ProvinceScope scope, SecurityIdentity identity,
            ObjectMapper json, Snapshots snapshots, @ConfigProperty(name = "imports.sync-wait") Duration syncWait) {
        this.snapshots = snapshots;
        this.imports = imports;
        this.indicators = indicators;
        this.scope = scope;
        this.identity = identity;
        this.json = json;
        this.syncWait = syncWait;
    }

    @POST
    @RolesAllowed({ ProvinceScope.ADMIN, ProvinceScope.EDITOR })
    @Consumes({ CSV, MediaType.APPLICATION_JSON })
    @Operation(summary = "Import values in bulk (role admin, or province-editor of every unit in the file)",
            description = "The body is CSV (UTF-8 with or without BOM, separated by `,` or `;`, a header row naming the "
                    + "columns unit, indicator, period, value, status and optionally source and note) or a JSON array of "
                    + "rows with those members. It streams: any size up to IMPORT_MAX_BYTES. Every row is checked like a "
                    + "single write; a key given twice is an error on each of its lines. All or nothing by default "
                    + "(onError=skip commits the valid rows). mode=replace also deletes the values of the declared "
                    + "scope (indicator x unit x from..to) that the file does not hold. A row equal to the value recorded "
                    + "adds no revision. Publishes observation.changed once per series touched (at most 1,000 periods "
                    + "each). Answers when the import is done if that takes less than IMPORT_SYNC_WAIT (or the "
                    + "`Prefer: wait=n` given), else 202 with the job to follow; `Prefer: respond-async` always answers "
                    + "202. The same Idempotency-Key with the same body and options answers the first result again.")
    @RequestBody(required = true, content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = "unit;indicator;period;value;status;source\n19;GRDP;2024;186000.5;PRELIMINARY;Cục Thống kê\n")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ImportRow.class)) })
    @APIResponse(responseCode = "201", description = "Done: committed (or checked, for a dry run)",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "202", description = "Accepted and running: follow Location",
            content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rows or an unreadable file; nothing was imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class),
                    examples = @ExampleObject(name = "invalid-rows", value = INVALID_ROWS)))
    @APIResponse(responseCode = "403", description = "A row's unit (or the scope) is one this token may not write",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class),
                    examples = @ExampleObject(name = "another-province", value = ANOTHER_PROVINCE)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body or options")
    @APIResponse(responseCode = "413", description = "The body is larger than IMPORT_MAX_BYTES")
    @APIResponse(responseCode = "503", description = "The import failed (the database) or too many are queued: submit again")
    public Response submit(
            @Parameter(description = "upsert (default) or replace") @QueryParam("mode") @DefaultValue("upsert")
            @Pattern(regexp = "upsert|replace", message = "{mode.pattern}") String mode,
            @Parameter(description = "abort (default: nothing is imported if a row is invalid) or skip (commit the valid rows)")
            @QueryParam("onError") @DefaultValue("abort")
            @Pattern(regexp = "abort|skip", message = "{onError.pattern}") String onError,
            @Parameter(description = "Check everything and say what would change; change nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "mode=replace: an indicator of the scope; repeat for several")
            @QueryParam("indicator")
            List<@Pattern(regexp = IndicatorRequests.CODE, message = IndicatorRequests.CODE_EXPECTED) String> scopeIndicators,
            @Parameter(description = "mode=replace: a unit of the scope; repeat for several (default: every unit this token "
                    + "may write)") @QueryParam("unit")
            List<@Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String> scopeUnits,
            @Parameter(description = "mode=replace: first period of the scope", example = "2021") @QueryParam("from") String from,
            @Parameter(description = "mode=replace: last period of the scope", example = "2024") @QueryParam("to") String to,
            @Parameter(description = "Makes a retry safe: the same key and body answer the first result")
            @HeaderParam("Idempotency-Key")
            @Pattern(regexp = "[\\x21-\\x7E]{1,200}", message = "{idempotencyKey.pattern}") String idempotencyKey,
            @Parameter(description = "respond-async, or wait=<seconds> (RFC 7240)") @HeaderParam("Prefer") String prefer,
            @HeaderParam("Content-Type") String contentType,
            InputStream body,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        ImportOptions options = new ImportOptions(contentType != null && contentType.startsWith(CSV) ? ImportFormat.CSV
                : ImportFormat.JSON, replaceScope(mode, scopeIndicators, scopeUnits, from, to), "skip".equals(onError),
                dryRun);
        Imports.Submission submission = imports.submit(body, options, scope.grant(), identity.getPrincipal().getName(),
                idempotencyKey);
        ImportJob job = submission.job();
        Duration wait = wait(prefer);
        if (!job.state.finished() && !wait.isZero()) {
            job = imports.await(job.id, wait).orElse(job);
        }
        if (job.state.finished()) {
            snapshots.awaitChangesSoFar();  // committed on the job's thread: its client reads the read models it moved
        }
        return answer(job, uri.getBaseUriBuilder().path(ImportResource.class).path(job.id).build(), uri.getPath(),
                ProblemLanguage.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ ProvinceScope.ADMIN, ProvinceScope.EDITOR })
    @Operation(summary = "An import job: its state, progress, changes and refused rows",
            description = "Visible to whoever submitted it, and to admins.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", description = "No such job (or not yours)")
    public ImportJobView job(
            @PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "{importJobId.pattern}") String id) {
        return imports.job(id)
                .filter(job -> identity.hasRole(ProvinceScope.ADMIN) || job.submittedBy.equals(identity.getPrincipal().getName()))
                .map(job -> ImportJobView.of(job, json))
                .orElseThrow(() -> ProblemException.notFound(new Text("No import job " + id + " of yours",
                        "Không có lần nhập dữ liệu " + id + " nào của bạn")));
    }

    /** A finished job answers as its outcome: 201, or the problem that refused it; an unfinished one 202. */
    private Response answer(ImportJob job, URI location, String path, Locale language) {
        ImportJobView view = ImportJobView.of(job, json);
        String failure = new Text(job.failure, job.failureVietnamese).in(language);
        return switch (job.state) {
            case QUEUED, RUNNING -> Response.accepted(view).location(location).header("Retry-After", 1).build();
            case SUCCEEDED -> Response.created(location).entity(view).build();
            case REJECTED -> problem(job.problemStatus == 403 ? ProblemType.FORBIDDEN : ProblemType.INVALID_IMPORT,
                    failure, view, location, path);
            case FAILED -> problem(ProblemType.IMPORT_FAILED, failure, view, location, path);
        };
    }

    private static Response problem(ProblemType type, String detail, ImportJobView job, URI location, String path) {
        ImportProblem problem = new ImportProblem(type.uri(), type.title(Locale.ENGLISH), type.status(), detail, path,
                RequestIds.current(), job.errors(), job.errorCount(), location.toString());
        Response.ResponseBuilder answer = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .location(location);
        return (type.status() == 503 ? answer.header("Retry-After", 5) : answer).build();
    }

    private Optional<ReplaceScope> replaceScope(String mode, List<String> indicatorCodes, List<String> units, String from,
            String to) {
        if (!"replace".equals(mode)) {
            for (var given : List.of(List.of("indicator", !indicatorCodes.isEmpty()), List.of("unit", !units.isEmpty()),
                    List.of("from", from != null), List.of("to", to != null))) {
                if ((Boolean) given.get(1)) {
                    throw ProblemException.invalid((String) given.get(0), new Text(
                            "declares a replace scope: only with mode=replace",
                            "khai báo phạm vi thay thế: chỉ dùng được với mode=replace"));
                }
            }
            return Optional.empty();
        }
        if (indicatorCodes.isEmpty()) {
            throw ProblemException.invalid("indicator", new Text("mode=replace needs the indicators it replaces",
                    "mode=replace cần các chỉ tiêu mà nó thay thế"));
        }
        for (String code : indicatorCodes) {
            try {
                indicators.definition(code);
            } catch (ProblemException unknown) {
                throw ProblemException.invalid("indicator", new Text("names no indicator: " + code,
                        "không ứng với chỉ tiêu nào: " + code));
            }
        }
        Period first = period("from", from);
        Period last = period("to", to);
        if (last.lastDay().isBefore(first.firstDay())) {
            throw ProblemException.invalid("to", new Text("must not be before from (" + first + ")",
                    "không được trước from (" + first + ")"));
        }
        ProvinceScope.Grant grant = scope.grant();
        List<String> scopeUnits = units.isEmpty() && !grant.everyUnit() ? List.copyOf(new java.util.TreeSet<>(grant.units()))
                : units.stream().distinct().sorted().toList();
        scope.requireWrite(scopeUnits);
        if (scopeUnits.isEmpty() && !grant.everyUnit()) {
            throw ProblemException.invalid("unit", new Text("this token may write no unit",
                    "token này không được ghi dữ liệu của đơn vị nào"));
        }
        return Optional.of(new ReplaceScope(indicatorCodes.stream().distinct().sorted().toList(), scopeUnits,
                first.toString(), last.toString()));
    }

    private static Period period(String field, String text) {
        return ObservationRegistry.rangeEnd(field, text).orElseThrow(() -> ProblemException.invalid(field,
                new Text("mode=replace needs the periods it replaces (from and to)",
                        "mode=replace cần các kỳ mà nó thay thế (from và to)")));
    }

    private Duration wait(String prefer) {
        if (prefer == null) {
            return syncWait;
        }
        if (prefer.contains("respond-async")) {
            return Duration.ZERO;
        }
        Matcher wait = PREFER_WAIT.matcher(prefer);
        // At most 25 s: behind the gateway (UPSTREAM_TIMEOUT 30 s) a longer wait would end in its 504.
        return wait.find() ? Duration.ofSeconds(Math.min(Long.parseLong(wait.group(1)), 25)) : syncWait;
    }

    /** One row of a JSON import (names the array's items in the OpenAPI document). */
    @Schema(name = "ImportRow")
    public record ImportRow(
            @Schema(examples = "19") String unit,
            @Schema(examples = "GRDP") String indicator,
            @Schema(examples = "2024") String period,
            @Schema(description = "A number, or a string holding one (\"186000.5\")", examples = "186000.5",
                    oneOf = { java.math.BigDecimal.class, String.class }) Object value,
            @Schema(examples = "PRELIMINARY") String status,
            @Schema(nullable = true) String source,
            @Schema(nullable = true) String note) {
    }

    /**
     * The problem of a refused import: every member of Problem, its errors also naming the line and the value given
     * (each still has field and message), with the number of errors and the job beside them.
     */
    @Schema(name = "ImportProblem", description = "A Problem whose errors name line and field of each refused row")
    public record ImportProblem(String type, String title, int status, String detail, String instance, String requestId,
            @Schema(description = "Each refused row (the first ones): line, field, value given, message") List<RowError> errors,
            @Schema(description = "How many rows were refused; errors holds the first ones") long errorCount,
            @Schema(description = "The job, which keeps this outcome",
                    examples = "https://api.nangsuat.vn/api/v1/observations/imports/0b7c3f4e-55a8-4c1e-9a61-0d6f2a9f3e10")
            String job) implements TitledProblem {

        @Override
        public ImportProblem withTitle(String title) {
            return new ImportProblem(type, title, status, detail, instance, requestId, errors, errorCount, job);
        }
    }
}
