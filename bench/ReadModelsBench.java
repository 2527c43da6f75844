import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data bench/read-models.sh reads, loaded through the gateway as a provincial system would:
 *   java bench/ReadModelsBench.java base <admin-token>
 *     GRDP at constant prices, employed workers and SME pilot projects for the units in force at the end of each year
 *     2010-2025 (63 units x 15 years and 34 units for 2025: 3,843 values), and 20 plans of units in force today with 4
 *     targets each (80 targets).
 *   java bench/ReadModelsBench.java monthly <admin-token> <indicators> [first]
 *     Monthly additive indicators BENCH_MONTHLY_<first>.. (created when missing), 63 units x 192 months (2009-01 to
 *     2024-12) each: 12,096 values per indicator (3 give 10 times the base volume, 84 about a million).
 * Prints how many values it loaded.
 */
public class ReadModelsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String GATEWAY = "http://127.0.0.1:8080";
    static final int MONTHS = 192;

    public static void main(String[] args) throws Exception {
        String token = args[1];
        switch (args[0]) {
            case "base" -> base(token);
            case "monthly" -> monthly(token, Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 1);
            default -> throw new IllegalArgumentException("base or monthly, not " + args[0]);
        }
    }

    static void base(String token) throws Exception {
        StringBuilder csv = new StringBuilder("unit,indicator,period,value,status,source\n");
        int values = 0;
        for (int year = 2010; year <= 2025; year++) {
            for (String unit : unitsOn(year + "-12-31")) {
                int code = Integer.parseInt(unit);
                csv.append(unit).append(",GRDP_CONSTANT,").append(year).append(',')
                        .append(50_000 + code * 1_000 + (year - 2010) * 2_500).append(",OFFICIAL,bench (fictional)\n");
                csv.append(unit).append(",EMPLOYED_WORKERS,").append(year).append(',')
                        .append(500 + code * 5 + (year - 2010)).append(",OFFICIAL,bench (fictional)\n");
                csv.append(unit).append(",SME_PILOT_PROJECTS,").append(year).append(',')
                        .append(code % 7 + year - 2009).append(",OFFICIAL,bench (fictional)\n");
                values += 3;
            }
        }
        importAndWait(token, csv.toString().getBytes(StandardCharsets.UTF_8));
        int targets = 0;
        List<String> today = unitsOn(java.time.LocalDate.now().toString());
        for (String unit : today.subList(0, 20)) {
            long plan = id(send(token, "POST", GATEWAY + "/api/v1/plans", "{\"unitCode\":\"" + unit + "\",\"title\":\"Kế hoạch "
                    + unit + "\",\"startYear\":2026,\"endYear\":2030,\"legalBasis\":\"DECISION_36_2021\"}", 201));
            for (String target : List.of(
                    "{\"indicator\":\"GRDP_CONSTANT\",\"kind\":\"LEVEL\",\"baselineYear\":2025,\"targetYear\":2030,\"targetValue\":200000}",
                    "{\"indicator\":\"GRDP_CONSTANT\",\"kind\":\"GROWTH\",\"baselineYear\":2025,\"targetYear\":2030,\"targetValue\":7}",
                    "{\"indicator\":\"LABOUR_PRODUCTIVITY_CONSTANT\",\"kind\":\"GROWTH\",\"baselineYear\":2025,\"targetYear\":2030,\"targetValue\":6.5}",
                    "{\"indicator\":\"SME_PILOT_PROJECTS\",\"kind\":\"LEVEL\",\"baselineYear\":2025,\"targetYear\":2030,\"targetValue\":40}")) {
                send(token, "POST", GATEWAY + "/api/v1/plans/" + plan + "/targets", target, 201);
                targets++;
            }
        }
        System.out.printf("loaded %,d values, 20 plans, %d targets%n", values, targets);
    }

    static void monthly(String token, int count, int first) throws Exception {
        List<String> units = unitsOn("2024-12-31");
        int values = 0;
        for (int i = first; i < first + count; i++) {
            String code = "BENCH_MONTHLY_" + i;
            send(token, "POST", GATEWAY + "/api/v1/indicators", "{\"code\":\"" + code + "\",\"name\":\"Bench " + i
                    + "\",\"nameVi\":\"Bench " + i + "\",\"unit\":\"count\",\"periodicity\":\"MONTH\",\"decimals\":2,"
                    + "\"better\":\"HIGHER\",\"aggregation\":\"ADDITIVE\",\"overTime\":\"FLOW\","
                    + "\"description\":\"Rows of bench/ReadModelsBench.java\"}", 201, 409);
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            csv.writeBytes("unit,indicator,period,value,status,source\n".getBytes(StandardCharsets.UTF_8));
            for (String unit : units) {
                for (int month = 0; month < MONTHS; month++) {
                    String period = String.format("%d-%02d", 2009 + month / 12, month % 12 + 1);
                    csv.writeBytes((unit + "," + code + "," + period + "," + (1000 + month + i) + ",OFFICIAL,bench\n")
                            .getBytes(StandardCharsets.UTF_8));
                    values++;
                }
            }
            importAndWait(token, csv.toByteArray());
        }
        System.out.printf("loaded %,d monthly values of %d indicators%n", values, count);
    }

    static List<String> unitsOn(String date) throws Exception {
        String page = send(null, "GET", GATEWAY + "/api/v1/provinces?asOf=" + date + "&size=100", null, 200);
        List<String> codes = new ArrayList<>();
        Matcher code = Pattern.compile("\"code\":\"(\\d{2})\"").matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    static void importAndWait(String token, byte[] csv) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/observations/imports"))
                .timeout(Duration.ofMinutes(10)).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Prefer", "wait=600").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        String job = answer.body();
        while (answer.statusCode() == 202 && (job.contains("\"state\":\"RUNNING\"") || job.contains("\"state\":\"QUEUED\""))) {
            Thread.sleep(200);
            URI location = URI.create(GATEWAY).resolve(answer.headers().firstValue("Location").orElseThrow());
            job = send(token, "GET", location.toString(), null, 200);
        }
        if (!job.contains("\"state\":\"SUCCEEDED\"")) {
            throw new IllegalStateException("the import answered " + answer.statusCode() + ": " + job);
        }
    }

    static String send(String token, String method, String url, String body, int... expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (answer.statusCode() == status) {
                return answer.body();
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
    }

    static long id(String body) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(body);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return Long.parseLong(id.group(1));
    }
}
