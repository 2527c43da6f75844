import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A large import body through the gateway, side by side with the same body sent straight to the service: the time
 * each takes, and the gateway's heap while it forwards. The service is a sink in this process (it counts and digests
 * what arrives, at the speed of the loopback), so the numbers are the gateway's alone, not indicator-service's.
 *   java bench/StreamingBench.java <token> <sink-port> <gateway-url> [megabytes] [rounds]   (defaults 200, 3)
 * The gateway must route indicator-service's paths to http://127.0.0.1:<sink-port> (bench/streaming.sh starts it so).
 */
public class StreamingBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String PATH = "/api/v1/observations/imports";

    public static void main(String[] args) throws Exception {
        String token = args[0];
        int sinkPort = Integer.parseInt(args[1]);
        String gateway = args[2];
        long megabytes = args.length > 3 ? Long.parseLong(args[3]) : 200;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        long bytes = megabytes * 1024 * 1024;

        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", sinkPort), 64);
        sink.setExecutor(Executors.newFixedThreadPool(4));
        sink.createContext("/q/health/ready", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        sink.createContext(PATH, StreamingBench::swallow);
        sink.start();
        waitForGateway(gateway);

        System.out.printf("a %d MB CSV import body, %d rounds; gateway heap sampled every 50 ms from /q/metrics%n",
                megabytes, rounds);
        System.out.printf("%-22s %9s %9s %16s %16s%n", "way", "seconds", "MB/s", "gateway heap max", "heap before");
        for (int round = 0; round < rounds; round++) {
            for (boolean throughGateway : new boolean[] {false, true}) {
                String base = throughGateway ? gateway : "http://127.0.0.1:" + sinkPort;
                long heapBefore = gatewayHeap(gateway);
                AtomicLong heapMax = new AtomicLong(heapBefore);
                AtomicBoolean sending = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (sending.get()) {
                        heapMax.accumulateAndGet(gatewayHeap(gateway), Math::max);
                        sleep(50);
                    }
                });
                sampler.setDaemon(true);
                sampler.start();
                long start = System.nanoTime();
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + PATH))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> new CsvRows(bytes)), bytes))
                        .build(), HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - start) / 1e9;
                sending.set(false);
                sampler.join();
                String expected = "\"bytes\":" + bytes + ",";
                if (response.statusCode() != 201 || !response.body().contains(expected)) {
                    throw new IllegalStateException("the body did not arrive whole: " + response.statusCode() + " "
                            + response.body());
                }
                System.out.printf("%-22s %9.2f %9.0f %13.1f MB %13.1f MB%n",
                        throughGateway ? "through the gateway" : "straight to the sink", seconds, megabytes / seconds,
                        throughGateway ? heapMax.get() / 1048576.0 : Double.NaN, heapBefore / 1048576.0);
            }
        }
        sink.stop(0);
        System.exit(0);
    }

    /** Reads the body as it arrives, holding none of it, and answers how much came and its digest. */
    private static void swallow(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
            answer(exchange, 201, "{\"bytes\":" + total + ",\"sha256\":\"" + HexFormat.of().formatHex(digest.digest()) + "\"}");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The gateway's heap in use now, the sum of its heap pools as Micrometer reports them. */
    private static long gatewayHeap(String gateway) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management(gateway) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long sum = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    /** The gateway's management interface (health, metrics): its HTTP port plus 1000, as streaming.sh starts it. */
    private static String management(String gateway) {
        int colon = gateway.lastIndexOf(':');
        return gateway.substring(0, colon + 1) + (Integer.parseInt(gateway.substring(colon + 1)) + 1000);
    }

    private static void waitForGateway(String gateway) {
        for (int i = 0; i < 300; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(management(gateway) + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException | InterruptedException e) {
                // not up yet
            }
            sleep(200);
        }
        throw new IllegalStateException("the gateway at " + gateway + " did not become ready");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * CSV rows as they are read, never held whole: one block of distinct rows, made once and sent over and over (so
     * the client makes bytes faster than the gateway forwards them), the last cut to the size asked for.
     */
    private static final class CsvRows extends InputStream {
        private static final byte[] BLOCK = block();
        private final long size;
        private long position;

        CsvRows(long size) {
            this.size = size;
        }

        private static byte[] block() {
            StringBuilder rows = new StringBuilder("unit,indicator,period,value,status\n");
            for (int row = 0; rows.length() < 1 << 20; row++) {
                rows.append("%02d,BENCH_YEARLY_%d,%d,%d.5,OFFICIAL\n".formatted(1 + row % 63, row % 1000, 1990 + row % 35,
                        row % 100000));
            }
            return rows.toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            return position < size ? BLOCK[(int) (position++ % BLOCK.length)] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int at = (int) (position % BLOCK.length);
            int n = (int) Math.min(Math.min(length, BLOCK.length - at), size - position);
            System.arraycopy(BLOCK, at, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
