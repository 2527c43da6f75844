package vn.nangsuat.plan.api;

import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import vn.nangsuat.kit.testing.TestEvents;

/**
 * indicator-service as plan-service sees it: events on indicator.events, sent here through the real broker the way
 * indicator-service's outbox relay sends them. The test indicators (TEST_*) are this class's own.
 */
final class IndicatorFeed {

    static final String TOPIC = "indicator.events";
    static final String SOURCE = "urn:nangsuat:indicator-service";
    static final Duration WAIT = Duration.ofSeconds(20);

    private IndicatorFeed() {
    }

    /** Announces a yearly test indicator, as indicator.defined (revision 1). */
    static void define(String code, String better, String aggregation) {
        define(code, better, aggregation, null, null);
    }

    /** The same for a ratio of two additive indicators. */
    static void define(String code, String better, String aggregation, String numerator, String denominator) {
        define(code, better, aggregation, numerator == null ? ""
                : ",\"numerator\":\"" + numerator + "\",\"denominator\":\"" + denominator + "\"");
    }

    /** A money indicator at CURRENT or CONSTANT prices. */
    static void defineMoney(String code, String aggregation, String prices) {
        define(code, "HIGHER", aggregation, ",\"prices\":\"" + prices + "\"");
    }

    /** A growth of a base indicator, as indicator-service announces it. */
    static void defineGrowth(String code, String base) {
        define(code, "HIGHER", "GROWTH", ",\"base\":\"" + base + "\"");
    }

    /** An additive yearly count that is a FLOW (summed over the years) or a STOCK (never summed over time). */
    static void defineCount(String code, String overTime) {
        define(code, "HIGHER", "ADDITIVE", ",\"overTime\":\"" + overTime + "\"");
    }

    private static void define(String code, String better, String aggregation, String parts) {
        String data = "{\"indicator\":{\"code\":\"" + code + "\",\"name\":\"Test " + code + "\",\"nameVi\":\"Thử\","
                + "\"unit\":\"million VND per worker\",\"periodicity\":\"YEAR\",\"decimals\":1,\"better\":\"" + better
                + "\",\"aggregation\":\"" + aggregation + "\"" + parts + "},\"revision\":1}";
        TestEvents.send(TOPIC, code, TestEvents.cloudEvent(TestEvents.newId(), SOURCE, "vn.nangsuat.indicator.defined.v1",
                code, data));
    }

    /** The event of one value's revision (a null value is a deletion); send it with {@link #send}. */
    static String valueChanged(String id, String unit, String indicator, String period, String value, int revision) {
        String change = value == null
                ? "{\"period\":\"" + period + "\",\"value\":null,\"status\":null,\"revision\":" + revision + ",\"deleted\":true}"
                : "{\"period\":\"" + period + "\",\"value\":" + value + ",\"status\":\"PRELIMINARY\",\"revision\":" + revision
                        + ",\"deleted\":false}";
        return TestEvents.cloudEvent(id, SOURCE, "vn.nangsuat.observation.changed.v1", unit + ":" + indicator,
                "{\"unit\":\"" + unit + "\",\"indicator\":\"" + indicator + "\",\"changes\":[" + change + "]}");
    }

    static void send(String unit, String indicator, String event) {
        TestEvents.send(TOPIC, unit + ":" + indicator, event);
    }

    static void record(String unit, String indicator, String period, String value, int revision) {
        send(unit, indicator, valueChanged(TestEvents.newId(), unit, indicator, period, value, revision));
    }

    /** Waits until the replica knows the indicators, and forgets their values from an earlier run. */
    static void known(AgroalDataSource dataSource, String... codes) throws SQLException {
        String list = "'" + String.join("', '", codes) + "'";
        await(() -> count(dataSource, "SELECT COUNT(*) FROM indicator_replica WHERE code IN (" + list + ")") == codes.length,
                "the replica to learn " + list);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("DELETE FROM observation_replica WHERE indicator_code IN (" + list + ")");
        }
    }

    static long count(AgroalDataSource dataSource, String query) {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
