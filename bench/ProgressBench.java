import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon a plan's progress reflects a value, through the whole system (gateway, indicator-service, its outbox, Kafka,
 * plan-service's consumer): from an observation's PUT through the gateway to the target read back with that value's
 * revision, many times (p50, p99), and to plan-service's national goals and dashboard; then from the end of a 100,000-row
 * import to the last of its targets recomputed and to every read model of both services up to date.
 *   java bench/ProgressBench.java <admin-token> [writes]
 */
public class ProgressBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String INDICATOR_SERVICE = "http://127.0.0.1:8082";
    static final String PLAN_SERVICE = "http://127.0.0.1:8083";

    public static void main(String[] args) throws Exception {
        String token = args[0];
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        singleWrites(token, writes);
        readModelsFollow(token, writes);
        afterAnImport(token);
    }

    /**
     * A recorded value to the national goals and the dashboard, read straight from plan-service (the gateway may keep
     * them a second more, as their Cache-Control says): unit 22's SMEs starting a pilot project in 2024 alternate
     * between a count that puts its plan's target on track and one that does not, so each write moves the dashboard
     * (the target's status) and the national goals (the country's count, a sum of the provinces'). Each PUT is timed
     * to the first read of each that carries a new ETag.
     */
    static void readModelsFollow(String token, int writes) throws Exception {
        long plan = plan(token, "22", 2024, 2030);
        target(token, plan, "{\"indicator\":\"SME_PILOT_PROJECTS\",\"kind\":\"LEVEL\",\"baselineYear\":2023,"
                + "\"baselineValue\":10,\"targetYear\":2030,\"targetValue\":80}");
        String uri = GATEWAY + "/api/v1/observations/22/SME_PILOT_PROJECTS/2024";
        String etag = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElse(null);
        double[] goals = new double[writes];
        double[] dashboard = new double[writes];
        for (int i = 0; i < writes; i++) {
            String goalsBefore = etagOf(PLAN_SERVICE + "/api/v1/national-goals");
            String dashboardBefore = etagOf(PLAN_SERVICE + "/api/v1/dashboard");
            String body = "{\"value\":" + (i % 2 == 0 ? 1000 + i : 11) + ",\"status\":\"ESTIMATE\",\"source\":\"bench\"}";
            long start = System.nanoTime();
            HttpResponse<String> written = put(token, uri, body, etag);
            etag = written.headers().firstValue("ETag").orElseThrow();
            goals[i] = -1;
            dashboard[i] = -1;
            while (goals[i] < 0 || dashboard[i] < 0) {
                if ((System.nanoTime() - start) / 1e6 > 30_000) {
                    throw new IllegalStateException("write " + i + " did not move " + (goals[i] < 0 ? "the national goals " : "")
                            + (dashboard[i] < 0 ? "the dashboard" : ""));
                }
                if (goals[i] < 0 && !goalsBefore.equals(etagOf(PLAN_SERVICE + "/api/v1/national-goals"))) {
                    goals[i] = (System.nanoTime() - start) / 1e6;
                }
                if (dashboard[i] < 0 && !dashboardBefore.equals(etagOf(PLAN_SERVICE + "/api/v1/dashboard"))) {
                    dashboard[i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(goals);
        Arrays.sort(dashboard);
        System.out.printf("%d single writes, PUT through the gateway to plan-service's read models: national goals p50 %.1f"
                + " ms, p99 %.1f ms, max %.1f ms; dashboard p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", writes,
                at(goals, 0.50), at(goals, 0.99), goals[writes - 1], at(dashboard, 0.50), at(dashboard, 0.99),
                dashboard[writes - 1]);
    }

    /** A value recorded (If-Match with the ETag of the one it corrects, when there is one): 200 or 201, or it throws. */
    static HttpResponse<String> put(String token, String uri, String body, String etag) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (etag != null) {
            put.header("If-Match", etag);
        }
        HttpResponse<String> written = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (written.statusCode() != 200 && written.statusCode() != 201) {
            throw new IllegalStateException("PUT answered " + written.statusCode() + ": " + written.body());
        }
        return written;
    }

    static String etagOf(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElseThrow();
    }

    /** Until neither service has a read model waiting to be computed again, nor plan-service an event to apply. */
    static void readModelsSettled(long since) throws Exception {
        for (String service : List.of(INDICATOR_SERVICE, PLAN_SERVICE)) {
            awaitReadiness(service, "\" stale\":\\s*[1-9]|eventsBehind\":\\s*[1-9]", since);
        }
    }

    /** Until the service's readiness detail no longer matches {@code waiting}. */
    static void awaitReadiness(String service, String waiting, long since) throws Exception {
        Pattern pattern = Pattern.compile(waiting);
        while (true) {
            String ready = get(service.replace(":808", ":908") + "/q/health/ready");
            if (!pattern.matcher(ready).find()) {
                return;
            }
            if ((System.nanoTime() - since) / 1e9 > 300) {
                throw new IllegalStateException("not settled after 300 s: " + ready);
            }
            Thread.sleep(20);
        }
    }

    /** One target on unit 01's constant-price productivity; each PUT a new value of 2026, waited for at the target. */
    static void singleWrites(String token, int writes) throws Exception {
        long plan = plan(token, "01", 2026, 2030);
        long target = target(token, plan, "{\"indicator\":\"LABOUR_PRODUCTIVITY_CONSTANT\",\"kind\":\"GROWTH\","
                + "\"baselineYear\":2025,\"baselineValue\":100,\"targetYear\":2030,\"targetValue\":7}");
        String uri = GATEWAY + "/api/v1/observations/01/LABOUR_PRODUCTIVITY_CONSTANT/2026";
        String etag = HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElse(null);
        double[] millis = new double[writes];
        for (int i = 0; i < writes; i++) {
            String body = "{\"value\":" + (100 + i % 50 + 1) + "." + i + ",\"status\":\"ESTIMATE\",\"source\":\"bench\"}";
            long start = System.nanoTime();
            HttpResponse<String> written = put(token, uri, body, etag);
            etag = written.headers().firstValue("ETag").orElseThrow();
            int revision = Integer.parseInt(field(written.body(), "revision"));
            String read;
            do {
                read = get(GATEWAY + "/api/v1/plans/" + plan + "/targets/" + target);
            } while (!read.contains("\"latestRevision\":" + revision + ","));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%d single writes, PUT through the gateway to the target's progress read back: p50 %.1f ms,"
                + " p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", writes, at(millis, 0.50), at(millis, 0.90), at(millis, 0.99),
                millis[writes - 1]);
    }

    /** 100 yearly indicators x 63 units x 16 years = 100,800 rows; 100 targets (10 plans x 10 indicators) follow them. */
    static void afterAnImport(String token) throws Exception {
        List<String> units = codes(get(GATEWAY + "/api/v1/provinces?asOf=2018-12-31&size=100"));
        List<String> indicators = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            String code = "BENCH_YEARLY_" + i;
            indicators.add(code);
            send(token, "POST", GATEWAY + "/api/v1/indicators", "{\"code\":\"" + code + "\",\"name\":\"Bench " + i
                    + "\",\"nameVi\":\"Bench " + i + "\",\"unit\":\"count\",\"periodicity\":\"YEAR\",\"decimals\":2,\"overTime\":\"FLOW\","
                    + "\"better\":\"HIGHER\",\"aggregation\":\"ADDITIVE\",\"description\":\"Rows of bench/ProgressBench.java\"}",
                    201, 409);
        }
        Map<Long, Long> targets = new HashMap<>();
        for (String unit : units.subList(0, 10)) {
            long plan = plan(token, unit, 2018, 2022);
            for (String indicator : indicators.subList(0, 10)) {
                targets.put(target(token, plan, "{\"indicator\":\"" + indicator + "\",\"kind\":\"LEVEL\",\"baselineYear\":2017,"
                        + "\"baselineValue\":100,\"targetYear\":2022,\"targetValue\":200}"), plan);
            }
        }
        int base = 1000 + new Random().nextInt(100_000);  // values this run alone writes, so its arrival is seen
        StringBuilder csv = new StringBuilder("unit,indicator,period,value,status\n");
        for (String unit : units) {
            for (String indicator : indicators) {
                for (int year = 2009; year <= 2024; year++) {  // Hà Nội took its form on 2008-08-01
                    csv.append(unit).append(',').append(indicator).append(',').append(year).append(',')
                            .append(base + year).append(",OFFICIAL\n");
                }
            }
        }
        int rows = units.size() * indicators.size() * 16;
        long start = System.nanoTime();
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/observations/imports"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Prefer", "wait=25").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("the import answered " + imported.statusCode() + ": " + imported.body());
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long committed = System.nanoTime();
        String expected = "\"latestValue\":" + (base + 2022) + ".";  // the targets' year
        List<Long> plansLeft = new ArrayList<>(new java.util.HashSet<>(targets.values()));
        while (!plansLeft.isEmpty()) {
            plansLeft.removeIf(plan -> {
                try {
                    String read = get(GATEWAY + "/api/v1/plans/" + plan + "/targets");
                    return read.split(Pattern.quote(expected), -1).length - 1 == 10;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            if ((System.nanoTime() - committed) / 1e9 > 300) {
                throw new IllegalStateException("targets not recomputed after 300 s: plans " + plansLeft);
            }
            Thread.sleep(50);  // a client polling, not a load test: reads back to back would slow what they wait for
        }
        System.out.printf("%,d-row import through the gateway in %.1f s; its %d targets all recomputed %,.0f ms after it"
                + " committed%n", rows, importSeconds, targets.size(), (System.nanoTime() - committed) / 1e6);
        awaitReadiness(PLAN_SERVICE, "eventsBehind\":\\s*[1-9]", committed);
        System.out.printf("  plan-service applied every event of it %,d ms after it committed%n",
                (System.nanoTime() - committed) / 1_000_000);
        readModelsSettled(committed);
        System.out.printf("  every read model of indicator-service and plan-service up to date %,.0f ms after it committed%n",
                (System.nanoTime() - committed) / 1e6);
    }

    static long plan(String token, String unit, int startYear, int endYear) throws Exception {
        String answer = send(token, "POST", GATEWAY + "/api/v1/plans", "{\"unitCode\":\"" + unit + "\",\"title\":\"Bench plan "
                + unit + "\",\"startYear\":" + startYear + ",\"endYear\":" + endYear + ",\"legalBasis\":\"OTHER\"}", 201);
        return Long.parseLong(field(answer, "id"));
    }

    /** Sets the target, waiting while plan-service does not know the indicator yet (400). */
    static long target(String token, long plan, String body) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> answer = request(token, "POST", GATEWAY + "/api/v1/plans/" + plan + "/targets", body);
            if (answer.statusCode() == 201) {
                return Long.parseLong(field(answer.body(), "id"));
            }
            if (answer.statusCode() != 400) {
                throw new IllegalStateException("the target answered " + answer.statusCode() + ": " + answer.body());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("plan-service never learnt the indicator of " + body);
    }

    static String send(String token, String method, String uri, String body, int... expected) throws Exception {
        HttpResponse<String> answer = request(token, method, uri, body);
        if (Arrays.stream(expected).noneMatch(status -> status == answer.statusCode())) {
            throw new IllegalStateException(method + " " + uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    static HttpResponse<String> request(String token, String method, String uri, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher match = Pattern.compile("\"" + name + "\":\"?([^,\"}]+)").matcher(json);
        if (!match.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return match.group(1);
    }

    static List<String> codes(String page) {
        List<String> codes = new ArrayList<>();
        Matcher match = Pattern.compile("\"code\":\"(\\d\\d)\"").matcher(page);
        while (match.find()) {
            codes.add(match.group(1));
        }
        return codes;
    }

    static double at(double[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
