import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Commit-to-Kafka latency and relay throughput of province-service's outbox, on the real broker.
 *   latency:    N changes, one after another; for each, the time from the HTTP answer (the commit) to the
 *               event's arrival at a consumer.
 *   throughput: M changes made while Kafka is down (they wait in the outbox); Kafka comes back; events per
 *               second from the first to the last arrival.
 * Run by bench/relay.sh, which starts what it needs.
 */
public class RelayBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int latencyRuns = Integer.parseInt(args[2]);
        int backlog = Integer.parseInt(args[3]);
        String devstack = args[4];
        String code = "39";

        try (KafkaConsumer<String, String> consumer = consumer()) {
            // Code 39 belongs to the bench: carry on from its latest version, or create it.
            LocalDate start = latestValidFrom(base, code);
            String etag;
            if (start == null) {
                start = LocalDate.of(3000, 1, 1);
                etag = send(base + "/api/v1/provinces", token, null, "{\"code\":\"" + code
                        + "\",\"name\":\"Bench\",\"kind\":\"PROVINCE\",\"validFrom\":\"" + start + "\"}");
                await(consumer, code, 1, Duration.ofSeconds(30));
            } else {
                etag = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/provinces/" + code + "?asOf=" + start)).build(),
                        HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
            }
            int year = start.getYear();

            List<Long> latencies = new ArrayList<>();
            int day = (int) ChronoUnit.DAYS.between(LocalDate.of(year, 1, 1), start) + 1;
            Instant latencyBegan = Instant.now();
            for (int i = 0; i < latencyRuns; i++) {
                String body = change(year, day++, "Bench " + i);
                etag = send(base + "/api/v1/provinces/" + code + "/changes", token, etag, body);
                Instant committed = Instant.now();
                Instant arrived = await(consumer, code, 1, Duration.ofSeconds(30)).get(0);
                latencies.add(Duration.between(committed, arrived).toNanos() / 1000);
            }
            double upSeconds = Duration.between(latencyBegan, Instant.now()).toMillis() / 1000.0;
            Collections.sort(latencies);
            System.out.printf("commit-to-Kafka latency over %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencyRuns, latencies.get(latencies.size() / 2) / 1000.0,
                    latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1000.0,
                    latencies.get(latencies.size() - 1) / 1000.0);
            System.out.printf("  (one write at a time, each awaited on Kafka: %.1f writes/s)%n", latencyRuns / upSeconds);

            run(devstack, "stop-kafka");
            Instant writesBegan = Instant.now();
            for (int i = 0; i < backlog; i++) {
                etag = send(base + "/api/v1/provinces/" + code + "/changes", token, etag, change(year, day++, "Backlog " + i));
            }
            double writeSeconds = Duration.between(writesBegan, Instant.now()).toMillis() / 1000.0;
            System.out.printf("%d writes with Kafka down: %.1f writes/s, none refused%n", backlog, backlog / writeSeconds);
            run(devstack, "start-kafka");
            Instant brokerBack = Instant.now();
            List<Instant> arrivals = await(consumer, code, backlog, Duration.ofSeconds(300));
            double toFirst = Duration.between(brokerBack, arrivals.get(0)).toMillis() / 1000.0;
            double toLast = Duration.between(brokerBack, arrivals.get(arrivals.size() - 1)).toMillis() / 1000.0;
            System.out.printf("backlog of %d events: first arrived %.2f s after the broker was back, last %.2f s;"
                    + " %.0f events/s from broker back to drained%n", backlog, toFirst, toLast, backlog / toLast);
        }
    }

    /** The first day of the code's latest version, or null when the code has none. */
    static LocalDate latestValidFrom(String base, String code) throws Exception {
        HttpResponse<String> history = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/provinces/" + code
                + "/history")).build(), HttpResponse.BodyHandlers.ofString());
        if (history.statusCode() == 404) {
            return null;
        }
        Matcher from = Pattern.compile("\"validFrom\":\"([0-9-]+)\"").matcher(history.body());
        LocalDate latest = null;
        while (from.find()) {
            latest = LocalDate.parse(from.group(1));
        }
        return latest;
    }

    static String change(int year, int day, String name) {
        return "{\"effectiveDate\":\"" + LocalDate.of(year, 1, 1).plusDays(day) + "\",\"name\":\"" + name + "\"}";
    }

    static String send(String url, String token, String ifMatch, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("ETag").orElseThrow();
    }

    static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor("province.events").stream()
                .map(p -> new TopicPartition("province.events", p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    /** Arrival times of the next `count` records with the key. */
    static List<Instant> await(KafkaConsumer<String, String> consumer, String key, int count, Duration timeout) {
        List<Instant> arrivals = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (arrivals.size() < count && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                if (key.equals(record.key())) {
                    arrivals.add(Instant.now());
                }
            }
        }
        if (arrivals.size() < count) {
            throw new IllegalStateException("only " + arrivals.size() + " of " + count + " events arrived");
        }
        return arrivals;
    }

    static void run(String devstackJar, String command) throws Exception {
        Process process = new ProcessBuilder("java", "-jar", devstackJar, command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("devstack " + command + " failed");
        }
    }
}
