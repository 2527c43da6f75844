package vn.nangsuat.devstack;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The devstack command line: `up`, `down`, `status`, `reset`, `token` and `run`. */
public final class Devstack {

    private static final String USAGE = """
            usage: devstack <command>
              up       start MariaDB (127.0.0.1:3307) and Kafka (127.0.0.1:19092), wait until both answer
              down     stop a running system (see run), then Kafka and MariaDB
              status   say what is running
              reset    stop everything and wipe the state folder (data, logs, keys)
              token    print a development JWT: --role admin|province-editor [--province CODE]... [--ttl PT8H] [--subject NAME]
              run      up, then the four services in the foreground; Ctrl-C stops all of it
              stop-kafka, start-kafka   take the broker away and back, to try outages (tests use them)
              stop-db, start-db         the same for MariaDB (not for an external server)
            environment: DEVSTACK_HOME (state folder, default <project>/.devstack), DEVSTACK_DB_PORT, DEVSTACK_KAFKA_PORT,
              DEVSTACK_KAFKA_CONTROLLER_PORT, DEVSTACK_DB_ADMIN_URL/_USER/_PASSWORD (use an external MySQL-compatible server)
            """;

    private Devstack() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            System.exit(execute(args[0], Arrays.asList(args).subList(1, args.length)));
        } catch (DevstackException e) {
            System.err.println("devstack " + args[0] + ": " + e.getMessage());
            if (e.logTail() != null) {
                System.err.println("--- log tail ---");
                System.err.println(e.logTail());
            }
            System.exit(1);
        }
    }

    static int execute(String command, List<String> options) {
        Settings settings = Settings.fromEnvironment();
        Infrastructure infrastructure = new Infrastructure(settings);
        switch (command) {
            case "up" -> {
                infrastructure.up();
                System.out.println(infrastructure.status());
                return 0;
            }
            case "down" -> {
                ServiceSupervisor supervisor = new ServiceSupervisor(settings, infrastructure);
                Processes.stop(supervisor.pidFile(), Duration.ofSeconds(60));
                infrastructure.down();
                System.out.println("devstack is down");
                return 0;
            }
            case "status" -> {
                System.out.println(infrastructure.status());
                return infrastructure.ready() ? 0 : 3;
            }
            case "reset" -> {
                infrastructure.reset();
                System.out.println("devstack state wiped: " + settings.home());
                return 0;
            }
            case "token" -> {
                System.out.println(token(settings, options));
                return 0;
            }
            case "stop-kafka" -> {
                new KafkaBroker(settings).stop();
                System.out.println("Kafka is down");
                return 0;
            }
            case "start-kafka" -> {
                KafkaBroker kafka = new KafkaBroker(settings);
                kafka.start();
                kafka.createTopics();
                System.out.println("Kafka is up");
                return 0;
            }
            case "stop-db" -> {
                requireOwnDb(settings);
                new MariaDb(settings).stop();
                System.out.println("MariaDB is down");
                return 0;
            }
            case "start-db" -> {
                requireOwnDb(settings);
                new MariaDb(settings).start();
                System.out.println("MariaDB is up");
                return 0;
            }
            case "run" -> {
                return new ServiceSupervisor(settings, infrastructure).run();
            }
            default -> {
                System.err.print(USAGE);
                return 2;
            }
        }
    }

    private static void requireOwnDb(Settings settings) {
        if (settings.externalDb() != null) {
            throw new DevstackException("the database is external (DEVSTACK_DB_ADMIN_URL): devstack does not stop or start it");
        }
    }

    private static String token(Settings settings, List<String> options) {
        String role = null;
        String subject = "developer";
        Duration ttl = Duration.ofHours(8);
        List<String> provinces = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                throw new DevstackException("option " + option + " needs a value");
            }
            String value = options.get(++i);
            switch (option) {
                case "--role" -> role = value;
                case "--province" -> provinces.addAll(Arrays.asList(value.split(",")));
                case "--subject" -> subject = value;
                case "--ttl" -> {
                    try {
                        ttl = Duration.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new DevstackException("--ttl takes an ISO 8601 duration such as PT8H, not '" + value + "'");
                    }
                }
                default -> throw new DevstackException("unknown option " + option);
            }
        }
        if (role == null) {
            throw new DevstackException("--role is required (admin or province-editor)");
        }
        return new DevTokens(settings).mint(subject, role, provinces, ttl);
    }
}
