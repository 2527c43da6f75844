package vn.nangsuat.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;

/** MariaDB (or an external server) and Kafka together: what the services need before they can start. */
final class Infrastructure {

    private final Settings settings;
    private final MariaDb mariaDb;
    private final KafkaBroker kafka;
    private final DevTokens tokens;

    Infrastructure(Settings settings) {
        this.settings = settings;
        this.mariaDb = new MariaDb(settings);
        this.kafka = new KafkaBroker(settings);
        this.tokens = new DevTokens(settings);
    }

    /** Starts what is not running yet and returns once both answer; safe to call when all is up. */
    void up() {
        tokens.ensureKeyPair();
        if (settings.externalDb() == null) {
            mariaDb.start();
        }
        mariaDb.createSchemas();
        kafka.start();
        kafka.createTopics();
    }

    void down() {
        kafka.stop();
        if (settings.externalDb() == null) {
            mariaDb.stop();
        }
    }

    /** Whether both parts answer requests, wherever they were started from. */
    boolean ready() {
        return mariaDb.answers() && kafka.answers();
    }

    String status() {
        String db = settings.externalDb() != null
                ? "external " + settings.externalDb().adminUrl() + (mariaDb.answers() ? " answering" : " NOT answering")
                : "MariaDB  127.0.0.1:" + settings.dbPort() + "  " + state(mariaDb.running(), mariaDb.answers());
        String broker = "Kafka    127.0.0.1:" + settings.kafkaPort() + " " + state(kafka.running(), kafka.answers());
        return db + System.lineSeparator() + broker + System.lineSeparator() + "state    " + settings.home();
    }

    private static String state(boolean ownProcess, boolean answers) {
        if (ownProcess && answers) {
            return "up";
        }
        if (answers) {
            return "up (not started by this devstack)";
        }
        return ownProcess ? "starting or hung (process alive, not answering)" : "down";
    }

    void reset() {
        down();
        try {
            MariaDb.deleteRecursively(settings.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
