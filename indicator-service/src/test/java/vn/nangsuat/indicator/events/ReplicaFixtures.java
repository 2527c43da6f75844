package vn.nangsuat.indicator.events;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import vn.nangsuat.kit.testing.TestEvents;

/**
 * Unit states as province-service's relay puts them on province.units, and what the replica made of them. Each
 * test uses dates of its own, since devstack keeps the topic and the replica across runs.
 */
final class ReplicaFixtures {

    static final String SOURCE = "urn:nangsuat:province-service";
    static final String TOPIC = "province.units";
    /** A code of the tests' own; lookups are by (code, validFrom), as other runs left versions of it too. */
    static final String CODE = "09";
    /** Generous: a consumer may first have a backlog to work through (devstack keeps the topic across runs). */
    static final Duration WAIT = Duration.ofSeconds(60);

    private ReplicaFixtures() {
    }

    static String stateData(String code, LocalDate validFrom, String name, int revision, String predecessorsJson) {
        return "{\"unit\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"kind\":\"PROVINCE\",\"region\":\"SOUTHEAST\","
                + "\"regionDerived\":false,\"validFrom\":\"" + validFrom + "\",\"validTo\":null,\"revision\":" + revision
                + "},\"predecessors\":" + predecessorsJson + "}";
    }

    static String state(String id, LocalDate validFrom, String name) {
        return TestEvents.cloudEvent(id, SOURCE, "vn.nangsuat.province.unit-state.v1", CODE,
                stateData(CODE, validFrom, name, 0, "[]"));
    }

    /** Sends a unit state keyed as province-service keys it (`code/validFrom`); returns the event id. */
    static String sendState(LocalDate validFrom, String name) {
        String id = TestEvents.newId();
        TestEvents.send(TOPIC, CODE + "/" + validFrom, state(id, validFrom, name));
        return id;
    }

    static <T> T await(Supplier<Optional<T>> probe, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not seen within " + timeout);
    }

    /** The name the replica holds for the tests' code at exactly this first day, if any. */
    static Optional<String> name(AgroalDataSource dataSource, LocalDate validFrom) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT name FROM province_replica_unit WHERE code = ? AND valid_from = ?")) {
            query.setString(1, CODE);
            query.setDate(2, Date.valueOf(validFrom));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();  // the database may be away in outage tests
        }
    }

    static long count(AgroalDataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
