package vn.nangsuat.provincereplica;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * This service's copy of the provincial units and their lineage, kept by {@link ProvinceEventsHandler}.
 * A version is keyed by (code, validFrom); of two snapshots of one version, the higher revision wins, so
 * events applied out of order across units still converge.
 */
@ApplicationScoped
public class ProvinceReplica {

    private final AgroalDataSource dataSource;

    public ProvinceReplica(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The unit a code named on a date, as far as this replica knows. */
    public Optional<ReplicaUnit> unitOn(String code, LocalDate date) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT code, name, kind, region, region_derived, valid_from, valid_to, revision"
                                + " FROM province_replica_unit WHERE code = ? AND valid_from <= ?"
                                + " AND (valid_to IS NULL OR valid_to >= ?)")) {
            query.setString(1, code);
            query.setDate(2, Date.valueOf(date));
            query.setDate(3, Date.valueOf(date));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Date validTo = row.getDate(7);
                return Optional.of(new ReplicaUnit(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getBoolean(5), row.getDate(6).toLocalDate(), validTo == null ? null : validTo.toLocalDate(),
                        row.getInt(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the version, or updates it when the snapshot is at least as recent; counts each event applied. */
    void upsert(Connection connection, ReplicaUnit unit, String eventId) throws SQLException {
        unit.requireComplete();
        Integer stored = null;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT revision FROM province_replica_unit WHERE code = ? AND valid_from = ? FOR UPDATE")) {
            select.setString(1, unit.code());
            select.setDate(2, Date.valueOf(unit.validFrom()));
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    stored = row.getInt(1);
                }
            }
        }
        if (stored == null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO province_replica_unit (code, valid_from, valid_to, name, kind, region, region_derived,"
                            + " revision, last_event_id, events_applied, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)")) {
                bind(insert, unit, eventId);
                insert.executeUpdate();
            }
        } else {
            boolean newer = unit.revision() >= stored;
            try (PreparedStatement update = connection.prepareStatement(newer
                    ? "UPDATE province_replica_unit SET valid_to = ?, name = ?, kind = ?, region = ?, region_derived = ?,"
                            + " revision = ?, last_event_id = ?, events_applied = events_applied + 1, updated_at = ?"
                            + " WHERE code = ? AND valid_from = ?"
                    : "UPDATE province_replica_unit SET events_applied = events_applied + 1 WHERE code = ? AND valid_from = ?")) {
                if (newer) {
                    update.setDate(1, unit.validTo() == null ? null : Date.valueOf(unit.validTo()));
                    update.setString(2, unit.name());
                    update.setString(3, unit.kind());
                    update.setString(4, unit.region());
                    update.setBoolean(5, unit.regionDerived());
                    update.setInt(6, unit.revision());
                    update.setString(7, eventId);
                    update.setTimestamp(8, Timestamp.from(Instant.now()));
                    update.setString(9, unit.code());
                    update.setDate(10, Date.valueOf(unit.validFrom()));
                } else {
                    update.setString(1, unit.code());
                    update.setDate(2, Date.valueOf(unit.validFrom()));
                }
                update.executeUpdate();
            }
        }
    }

    void link(Connection connection, ReplicaUnit predecessor, ReplicaUnit successor, LocalDate effective, String kind)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO province_replica_lineage (predecessor_code, predecessor_valid_from, successor_code,"
                        + " successor_valid_from, effective_date, change_kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, predecessor.code());
            insert.setDate(2, Date.valueOf(predecessor.validFrom()));
            insert.setString(3, successor.code());
            insert.setDate(4, Date.valueOf(successor.validFrom()));
            insert.setDate(5, Date.valueOf(effective));
            insert.setString(6, kind);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement insert, ReplicaUnit unit, String eventId) throws SQLException {
        insert.setString(1, unit.code());
        insert.setDate(2, Date.valueOf(unit.validFrom()));
        insert.setDate(3, unit.validTo() == null ? null : Date.valueOf(unit.validTo()));
        insert.setString(4, unit.name());
        insert.setString(5, unit.kind());
        insert.setString(6, unit.region());
        insert.setBoolean(7, unit.regionDerived());
        insert.setInt(8, unit.revision());
        insert.setString(9, eventId);
        insert.setTimestamp(10, Timestamp.from(Instant.now()));
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
