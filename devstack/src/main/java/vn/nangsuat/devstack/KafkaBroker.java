package vn.nangsuat.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run in its own JVM from
 * the jars devstack was built with, listening on 127.0.0.1 only.
 */
final class KafkaBroker {

    /** Each service's event topic keeps one aggregate's events in one partition; poison events go to the .dlq. */
    static final Map<String, Integer> TOPICS = Map.of(
            "province.events", 3, "province.events.dlq", 1,
            "province.units", 3, "province.units.dlq", 1,
            "indicator.events", 3, "indicator.events.dlq", 1,
            "plan.events", 3, "plan.events.dlq", 1);

    /** State topics keep the latest record per key for good, so replicas built late can read them whole. */
    static final Set<String> COMPACTED = Set.of("province.units");

    /**
     * Event topics kept for good: indicator.events is the log replicas of the values (plan-service's) are built from,
     * however late they start; it has no state topic, since a series' state is too large to publish at every import.
     */
    static final Set<String> KEPT_FOR_GOOD = Set.of("indicator.events");

    private static final String STARTED_LINE = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Settings settings;
    private final Path dir;

    KafkaBroker(Settings settings) {
        this.settings = settings;
        this.dir = settings.home().resolve("kafka");
    }

    Path log() {
        return settings.logs().resolve("kafka.log");
    }

    private Path pidFile() {
        return dir.resolve("kafka.pid");
    }

    boolean running() {
        return Processes.running(pidFile()).isPresent();
    }

    void start() {
        if (running()) {
            return;
        }
        for (int port : List.of(settings.kafkaPort(), settings.kafkaControllerPort())) {
            if (!Processes.portFree(settings.host(), port)) {
                throw new DevstackException("port " + port + " is taken by another process;"
                        + " stop it or set DEVSTACK_KAFKA_PORT and DEVSTACK_KAFKA_CONTROLLER_PORT");
            }
        }
        Path config = writeServerProperties();
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            format(config);
        }
        Process process = Processes.startDetached(
                List.of(Processes.javaExecutable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info",
                        "-cp", classPath(), "kafka.Kafka", config.toString()),
                dir, log(), Map.of());
        boolean started = Processes.waitUntil(
                () -> !process.isAlive() || Processes.logContains(log(), STARTED_LINE), START_TIMEOUT);
        if (!started || !process.isAlive()) {
            process.destroyForcibly();
            throw new DevstackException("Kafka did not start on port " + settings.kafkaPort(), Processes.tail(log(), 20));
        }
        Processes.writePid(pidFile(), process.pid());
    }

    void stop() {
        Processes.stop(pidFile(), Duration.ofSeconds(30));
    }

    /** Creates the topics the services use, with the partitions the design needs; existing ones are left alone. */
    void createTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)
                            .configs(configOf(topic.getKey())))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new DevstackException("cannot create the Kafka topics: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while creating topics");
        }
    }

    private static Map<String, String> configOf(String topic) {
        if (COMPACTED.contains(topic)) {
            return Map.of("cleanup.policy", "compact");
        }
        return KEPT_FOR_GOOD.contains(topic) ? Map.of("retention.ms", "-1", "retention.bytes", "-1") : Map.of();
    }

    /** Whether the broker answers a metadata request, for status and for tests that share a running devstack. */
    boolean answers() {
        if (!Processes.portOpen(settings.host(), settings.kafkaPort())) {
            return false;
        }
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    private void format(Path config) {
        try {
            Path clusterIdFile = dir.resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
            }
            String clusterId = Files.readString(clusterIdFile).trim();
            Path formatLog = settings.logs().resolve("kafka-format.log");
            Process format = Processes.startDetached(
                    List.of(Processes.javaExecutable(), "-cp", classPath(), "kafka.tools.StorageTool",
                            "format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"),
                    dir, formatLog, Map.of());
            if (format.waitFor() != 0) {
                throw new DevstackException("formatting the Kafka storage failed", Processes.tail(formatLog, 20));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while formatting Kafka storage");
        }
    }

    private Path writeServerProperties() {
        String host = settings.host();
        String properties = String.join(System.lineSeparator(),
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + settings.kafkaControllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort()
                        + ",CONTROLLER://" + host + ":" + settings.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://" + host + ":" + settings.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.dedupe.buffer.size=8388608",
                "");
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, properties);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The devstack jar names its libraries in its manifest, so it alone is the broker's class path. */
    private static String classPath() {
        Path own = Settings.ownJar();
        return Files.isRegularFile(own) ? own.toString() : System.getProperty("java.class.path");
    }
}
