import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One read, side by side: straight to province-service and through the gateway, each without and with a bearer
 * token (the gateway verifies it; the service, for a public read, does not), and through the gateway with
 * Cache-Control: no-cache (the gateway may not answer from its shared cache: every read goes to the service). Closed loop: `clients` threads each send the next request when the last answered.
 * Rounds alternate the four ways, so drift on the shared 2 cores hits them alike.
 *   java bench/GatewayBench.java <token> [seconds-per-round] [clients] [rounds] [reference-proxy-url]
 *   (defaults 5, 8, 7, none)
 */
public class GatewayBench {

    /** {@code revalidate}: the request says Cache-Control: no-cache, so the gateway asks the service every time. */
    record Way(String name, String url, String token, boolean revalidate) {
        Way(String name, String url, String token) {
            this(name, url, token, false);
        }
    }

    record Round(long requests, long errors, List<Long> nanos, double seconds) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        String token = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        String path = "/api/v1/provinces/38";
        List<Way> ways = new ArrayList<>(List.of(
                new Way("direct to province-service", "http://127.0.0.1:8081" + path, null),
                new Way("direct, with a bearer token", "http://127.0.0.1:8081" + path, token),
                new Way("through the gateway", "http://127.0.0.1:8080" + path, null),
                new Way("gateway, bearer token verified", "http://127.0.0.1:8080" + path, token),
                new Way("gateway, token, no-cache", "http://127.0.0.1:8080" + path, token, true)));
        if (args.length > 4) {
            // A proxy that does nothing but forward, on the same cores: what any hop costs here.
            ways.add(new Way("reference proxy (nginx), token", args[4] + path, token));
        }

        for (Way way : ways) {
            run(way, 10, clients);  // warm-up: JIT of client and servers, connection pools
        }
        List<List<Round>> results = new ArrayList<>();
        ways.forEach(way -> results.add(new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int w = 0; w < ways.size(); w++) {
                results.get(w).add(run(ways.get(w), seconds, clients));
            }
        }

        // The ratio is taken within each round (same moment, same machine state), then the median over rounds.
        System.out.printf("GET %s, %d clients, %d rounds of %d s each (median over rounds)%n", path, clients, rounds, seconds);
        System.out.printf("%-32s %10s %9s %9s %9s %8s%n", "way", "req/s", "p50 ms", "p99 ms", "vs direct", "errors");
        for (int w = 0; w < ways.size(); w++) {
            List<Double> rates = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            long errors = 0;
            for (int r = 0; r < rounds; r++) {
                Round round = results.get(w).get(r);
                double rate = round.requests() / round.seconds();
                Round direct = results.get(0).get(r);
                rates.add(rate);
                ratios.add(rate / (direct.requests() / direct.seconds()));
                List<Long> nanos = new ArrayList<>(round.nanos());
                Collections.sort(nanos);
                p50s.add(percentile(nanos, 0.50));
                p99s.add(percentile(nanos, 0.99));
                errors += round.errors();
            }
            System.out.printf("%-32s %10.0f %9.2f %9.2f %9.2f %8d%n", ways.get(w).name(), median(rates), median(p50s),
                    median(p99s), median(ratios), errors);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Round run(Way way, int seconds, int clients) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(way.url())).timeout(Duration.ofSeconds(10));
        if (way.token() != null) {
            builder.header("Authorization", "Bearer " + way.token());
        }
        if (way.revalidate()) {
            builder.header("Cache-Control", "no-cache");
        }
        HttpRequest request = builder.build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        long end = began + seconds * 1_000_000_000L;
        List<Future<long[]>> workers = new ArrayList<>();
        List<List<Long>> latencies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            workers.add(pool.submit(() -> {
                long ok = 0;
                long failed = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        mine.add(System.nanoTime() - sent);
                        if (status == 200) {
                            ok++;
                        } else {
                            failed++;
                        }
                    } catch (Exception e) {
                        failed++;
                    }
                }
                return new long[] { ok, failed };
            }));
        }
        long ok = 0;
        long failed = 0;
        for (Future<long[]> worker : workers) {
            long[] counts = worker.get();
            ok += counts[0];
            failed += counts[1];
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        return new Round(ok, failed, all, elapsed);
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
