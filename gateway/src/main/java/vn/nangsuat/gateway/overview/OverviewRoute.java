package vn.nangsuat.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.nangsuat.gateway.config.GatewayConfig.Instance;
import vn.nangsuat.gateway.config.GatewayConfig;
import vn.nangsuat.gateway.routing.EntityTags;
import vn.nangsuat.gateway.routing.GatewayProblems;
import vn.nangsuat.gateway.routing.SharedCache;
import vn.nangsuat.gateway.routing.UpstreamHealth;
import vn.nangsuat.gateway.routing.UpstreamRefusal;
import vn.nangsuat.gateway.routing.Upstreams;
import vn.nangsuat.http.FieldText;
import vn.nangsuat.http.ProblemLanguage;
import vn.nangsuat.http.ProblemType;
import vn.nangsuat.http.RequestId;
import vn.nangsuat.http.RequestTargets;
import vn.nangsuat.http.RouterProblems;
import vn.nangsuat.http.Text;

/**
 * {@code GET /api/v1/provinces/{code}/overview}: what a frontend shows first of a unit, in one answer composed from
 * the services' public endpoints, asked at the same time: the unit (province-service), its current plan with each
 * target's progress (plan-service) and the latest value of each key indicator (indicator-service). A service that is
 * down, slow or answers oddly costs its part only: the rest is answered with a warning naming the part and the
 * service. An unknown or former code is province-service's own 404. The ETag is computed over the composed body.
 * Each part is asked of the shared cache first ({@link SharedCache}), as a client's read would be: a part its service
 * marks reusable (the unit, the plans and targets, the harmonised series, each for a second) is composed from memory,
 * and the composition itself is kept until its first part stops being fresh; clients asking while it is composed
 * share that one composition.
 */
@ApplicationScoped
public class OverviewRoute {

    private static final Logger LOG = Logger.getLogger(OverviewRoute.class);
    static final String PATH = "/api/v1/provinces/:code/overview";
    private static final Pattern CODE = Pattern.compile("\\d{2}");

    /** One part that could not be had, and why; the overview carries it as a warning. */
    record Warning(String part, String service, String detail) {
    }

    /** The service owning one of the public paths the overview reads, found once at start. */
    private record Owner(String name) {
    }

    /** A part's failure that becomes a warning (in English, as the answer's other text). */
    private static final class Missing extends RuntimeException {
        final Warning warning;

        Missing(String part, String upstream, Text detail) {
            this(part, upstream, detail.english());
        }

        Missing(String part, String upstream, String detail) {
            super(detail, null, false, false);
            this.warning = new Warning(part, UpstreamRefusal.serviceName(upstream), detail);
        }
    }

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final UpstreamHealth health;
    private final GatewayProblems problems;
    private final RouterProblems fieldProblems;
    private final ObjectMapper json;
    private final SharedCache cache;
    /** Compositions while all their parts are fresh (at most a second), by unit and date. */
    private final Cache<String, Composed> composed = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private final Map<String, Future<Composed>> inFlight = new ConcurrentHashMap<>();
    private Owner provinces;
    private Owner plans;
    private Owner observations;

    public OverviewRoute(GatewayConfig config, Upstreams upstreams, UpstreamHealth health, GatewayProblems problems,
            RouterProblems fieldProblems, ObjectMapper json, SharedCache cache) {
        this.config = config;
        this.cache = cache;
        this.upstreams = upstreams;
        this.health = health;
        this.problems = problems;
        this.fieldProblems = fieldProblems;
        this.json = json;
    }

    void install(@Observes Router router) {
        provinces = ownerOf("/api/v1/provinces");
        plans = ownerOf("/api/v1/plans");
        observations = ownerOf("/api/v1/observations");
        // Before the province prefix's route, which would send it on to province-service.
        router.get(PATH).order(-10).handler(this::answer);
    }

    private Owner ownerOf(String prefix) {
        return config.upstreams().entrySet().stream()
                .filter(upstream -> upstream.getValue().paths().stream()
                        .anyMatch(owned -> prefix.equals(owned) || prefix.startsWith(owned + "/")))
                .map(upstream -> new Owner(upstream.getKey()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no upstream owns " + prefix));
    }

    private void answer(RoutingContext context) {
        String code = context.pathParam("code");
        if (!CODE.matcher(code).matches()) {
            refuse(context, "code", new Text("must be a two-digit unit code such as 19",
                    "phải là mã đơn vị hai chữ số, ví dụ 19"));
            return;
        }
        String asOfParam = context.request().getParam("asOf");
        LocalDate asOf;
        try {
            asOf = asOfParam == null ? LocalDate.now() : LocalDate.parse(asOfParam);
        } catch (DateTimeParseException e) {
            refuse(context, "asOf", new Text("must be a date (ISO 8601) such as 2025-07-01",
                    "phải là một ngày (ISO 8601), ví dụ 2025-07-01"));
            return;
        }
        // By language too: province-service's refusal, relayed as the answer, is worded in the one asked.
        Locale language = ProblemLanguage.of(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String key = code + " " + asOf + " " + (asOfParam == null ? "today" : "asked") + " " + language.getLanguage();
        Composed kept = composed.getIfPresent(key);
        if (kept != null && kept.freshUntil() > System.currentTimeMillis() && kept.writesBefore() == cache.writesToAny()) {
            reply(context, kept);
            return;
        }
        // One composition at a time per overview: the clients asking meanwhile get its answer.
        Promise<Composed> mine = Promise.promise();
        Future<Composed> composing = inFlight.putIfAbsent(key, mine.future());
        if (composing == null) {
            composing = mine.future();
            compose(context, code, asOf, asOfParam, language).onComplete(done -> {
                inFlight.remove(key, mine.future());
                mine.handle(done);
            });
        }
        composing.onSuccess(answer -> {
            if (answer.status() == 200 && answer.freshUntil() > System.currentTimeMillis()
                    && answer.writesBefore() == cache.writesToAny()) {
                composed.put(key, answer);
            }
            reply(context, answer);
        }).onFailure(context::fail);
    }

    /**
     * The overview composed from its parts, fresh until the first of them stops being: a part its service does not
     * let a shared cache keep, or one missing, makes a composition that is not kept.
     */
    private Future<Composed> compose(RoutingContext context, String code, LocalDate asOf, String asOfParam,
            Locale language) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, "application/json")
                .add(HttpHeaders.ACCEPT_LANGUAGE, language.getLanguage())
                .add(RequestId.HEADER, context.request().getHeader(RequestId.HEADER));
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            headers.add(HttpHeaders.AUTHORIZATION, authorization);
        }
        AtomicLong freshUntil = new AtomicLong(Long.MAX_VALUE);
        long writesBefore = cache.writesToAny();  // a write through the gateway meanwhile: the composition is not kept
        Future<Upstreams.Answer> unit = ask("unit", provinces, "/api/v1/provinces/" + code
                + (asOfParam == null ? "" : "?asOf=" + asOf), headers, freshUntil);
        Future<JsonNode[]> plan = currentPlan(code, asOf.getYear(), headers, freshUntil);
        Future<ArrayNode> values = latestValues(code, asOf, headers, freshUntil);
        return Future.join(unit, plan, values).transform(done -> {
            if (unit.succeeded() && unit.result().status() != 200 && unit.result().status() < 500) {
                // province-service's own refusal: no such unit on that date, or a date it cannot read.
                Upstreams.Answer refusal = unit.result();
                return Future.succeededFuture(new Composed(refusal.status(),
                        refusal.headers().get(HttpHeaders.CONTENT_TYPE), refusal.body().getBytes(), null, null, 0,
                        writesBefore));
            }
            List<Warning> warnings = new ArrayList<>();
            ObjectNode overview = json.createObjectNode().put("code", code).put("asOf", asOf.toString());
            overview.set("unit", unit.succeeded() ? part("unit", "province", unit.result(), warnings) : null);
            overview.set("plan", plan.succeeded() ? plan.result()[0] : null);
            overview.set("targets", plan.succeeded() ? plan.result()[1] : json.createArrayNode());
            overview.set("latestValues", values.succeeded() ? values.result() : json.createArrayNode());
            warn(unit, "unit", "province", warnings);
            warn(plan, "plan", "plan", warnings);
            warn(values, "latestValues", "indicator", warnings);
            overview.set("warnings", json.valueToTree(warnings));
            if (warnings.size() == 3) {
                String why = warnings.stream().map(Warning::detail).collect(Collectors.joining("; "));
                return Future.succeededFuture(new Composed(503, null, null, null, new Text(
                        "No part of the overview could be had: " + why,
                        "Không lấy được phần nào của bản tổng quan (lý do, bằng tiếng Anh): " + why), 0, writesBefore));
            }
            try {
                byte[] body = json.writeValueAsBytes(overview);
                return Future.succeededFuture(new Composed(200, "application/json", body, etag(body), null,
                        warnings.isEmpty() ? freshUntil.get() : 0, writesBefore));
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
        });
    }

    /**
     * An overview as composed: a 200 with its body and ETag, province-service's refusal as it came, or a 503 whose
     * problem detail names every missing part; {@code freshUntil} (ms) the instant its first part goes stale, {@code
     * writesBefore} the gateway's count of writes when it began.
     */
    private record Composed(int status, String contentType, byte[] body, String etag, Text detail, long freshUntil,
            long writesBefore) {
    }

    private void reply(RoutingContext context, Composed answer) {
        if (answer.status() == 503) {
            context.response().putHeader("Retry-After", "1");
            problems.write(context, ProblemType.SERVICE_UNAVAILABLE, answer.detail());
            return;
        }
        if (answer.status() != 200) {
            context.response().setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType())
                    .end(Buffer.buffer(answeringThe(context, answer.body())));
            return;
        }
        context.response().putHeader(HttpHeaders.ETAG, answer.etag());
        if (EntityTags.unchanged(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), answer.etag())) {
            context.response().setStatusCode(304).end();
            return;
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(answer.body()));
    }

    /** The plan covering the year and its targets with their progress; no such plan: null and no targets. */
    private Future<JsonNode[]> currentPlan(String code, int year, MultiMap headers, AtomicLong freshUntil) {
        return ask("plan", plans, "/api/v1/plans?size=500&unit=" + code, headers, freshUntil)
                .map(answer -> readOk("plan", "plan", answer))
                .compose(page -> CurrentPlan.of(page.path("items"), year)
                        .map(plan -> ask("plan", plans, "/api/v1/plans/" + plan.path("id").asLong() + "/targets", headers,
                                freshUntil)
                                .map(answer -> new JsonNode[] { plan, readList("plan", "plan", answer) }))
                        .orElse(Future.succeededFuture(new JsonNode[] { null, json.createArrayNode() })));
    }

    /**
     * The latest value of each key indicator that has one, in the configured order: from the unit's harmonised series
     * (indicator-service), so a value derived from its parts (labour productivity from GRDP and workers, its growth
     * from the same territory in both years) shows as it does in every other read, marked derived.
     */
    private Future<ArrayNode> latestValues(String code, LocalDate asOf, MultiMap headers, AtomicLong freshUntil) {
        List<String> indicators = config.overview().indicators();
        String query = indicators.stream().map(indicator -> "&indicator=" + URLEncoder.encode(indicator, StandardCharsets.UTF_8))
                .collect(Collectors.joining());
        return ask("latestValues", observations, "/api/v1/observations/harmonized?unit=" + code + "&harmonize=" + asOf
                + query, headers, freshUntil)
                .map(answer -> {
                    // By indicator, then period: the last of each indicator is its latest.
                    Map<String, JsonNode> latest = new LinkedHashMap<>();
                    indicators.forEach(indicator -> latest.put(indicator, null));
                    for (JsonNode value : readOk("latestValues", "indicator", answer).path("values")) {
                        latest.put(value.path("indicator").asText(), value);
                    }
                    ArrayNode values = json.createArrayNode();
                    latest.values().stream().filter(Objects::nonNull).forEach(values::add);
                    return values;
                });
    }

    /**
     * Asks the shared cache, then the service unless it is known down; any failure becomes a {@link Missing} part.
     * Lowers {@code freshUntil} to the instant the part's answer stops being fresh.
     */
    private Future<Upstreams.Answer> ask(String part, Owner owner, String pathAndQuery, MultiMap headers,
            AtomicLong freshUntil) {
        String name = owner.name();
        if (!health.up(name)) {
            return Future.failedFuture(new Missing(part, name, health.state(name).refusal(name)));
        }
        UpstreamHealth.Route route = UpstreamHealth.Route.of(name, HttpMethod.GET, pathAndQuery);
        var cutOff = health.routeCutOff(route);
        if (cutOff.isPresent()) {
            return Future.failedFuture(new Missing(part, name, cutOff.get()));
        }
        String accept = headers.get(HttpHeaders.ACCEPT);
        var kept = cache.lookup(name, pathAndQuery, accept);
        if (kept.isPresent()) {
            freshUntil.accumulateAndGet(kept.get().storedAt() + kept.get().freshForMillis(), Math::min);
            return Future.succeededFuture(kept.get().answer());
        }
        long writesBefore = cache.writesSoFar(name);
        Instance instance = health.pick(name);
        return upstreams.send(instance.url(), HttpMethod.GET, pathAndQuery, headers, null, config.overview().timeout())
                .map(answer -> {
                    health.exchangeSucceeded(route);
                    boolean withAuthorization = headers.contains(HttpHeaders.AUTHORIZATION);
                    cache.offer(name, pathAndQuery, accept, withAuthorization, answer, writesBefore);
                    freshUntil.accumulateAndGet(System.currentTimeMillis()
                            + SharedCache.freshFor(answer.headers(), withAuthorization) * 1000, Math::min);
                    return answer;
                })
                .recover(failure -> {
                    UpstreamRefusal refusal = UpstreamRefusal.of(failure, name);
                    health.exchangeFailed(route, instance, refusal);
                    return Future.failedFuture(new Missing(part, name, refusal.detail()));
                });
    }

    /** A 200's JSON body; anything else leaves the part out. */
    private JsonNode readOk(String part, String upstream, Upstreams.Answer answer) {
        if (answer.status() != 200) {
            throw new Missing(part, upstream, UpstreamRefusal.serviceName(upstream) + " answered " + answer.status());
        }
        try {
            return json.readTree(answer.body().getBytes());
        } catch (IOException e) {
            throw new Missing(part, upstream, UpstreamRefusal.serviceName(upstream) + " answered with a body that is not JSON");
        }
    }

    /** A 200's JSON array (a list the service does not page). */
    private JsonNode readList(String part, String upstream, Upstreams.Answer answer) {
        JsonNode list = readOk(part, upstream, answer);
        if (!list.isArray()) {
            throw new Missing(part, upstream, UpstreamRefusal.serviceName(upstream) + " answered with something else than a list");
        }
        return list;
    }

    private static void warn(Future<?> part, String name, String upstream, List<Warning> warnings) {
        if (part.failed()) {
            if (part.cause() instanceof Missing missing) {
                warnings.add(missing.warning);
            } else {
                LOG.error("overview part " + name + " failed", part.cause());
                warnings.add(new Warning(name, UpstreamRefusal.serviceName(upstream), "its part could not be composed"));
            }
        }
    }

    private JsonNode part(String part, String upstream, Upstreams.Answer answer, List<Warning> warnings) {
        try {
            return readOk(part, upstream, answer);
        } catch (Missing missing) {
            warnings.add(missing.warning);
            return null;
        }
    }

    /**
     * province-service's problem as an answer to this request: it names the path province-service was asked, the
     * client asked for the overview's (its words are already in the client's language: province-service was asked in it).
     */
    private byte[] answeringThe(RoutingContext context, byte[] problem) {
        try {
            if (json.readTree(problem) instanceof ObjectNode refusal && refusal.has("instance")) {
                refusal.put("instance", RequestTargets.quoted(context.request().path()));
                Locale language = ProblemLanguage.of(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
                context.response().putHeader("Content-Language", language.getLanguage());
                context.response().headers().add("Vary", "Accept-Language");
                return json.writeValueAsBytes(refusal);
            }
        } catch (IOException e) {
            LOG.debug("province-service's refusal is not JSON; passed on as it came", e);
        }
        return problem;
    }

    /** A strong validator over the composed body: equal bytes, equal tag. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void refuse(RoutingContext context, String field, Text message) {
        // As the services word an invalid parameter.
        fieldProblems.write(context, ProblemType.INVALID_INPUT, message.after(field + ": "),
                List.of(new FieldText(field, message)));
    }
}
