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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This service's copy of the provincial units and their lineage, kept by {@link ProvinceUnitsHandler}.
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
        return versionsDuring(code, date, date).stream().findFirst();
    }

    /** The versions of a code in force on any day from `first` to `last`, oldest first. */
    public List<ReplicaUnit> versionsDuring(String code, LocalDate first, LocalDate last) {
        return versions("SELECT code, name, kind, region, region_derived, valid_from, valid_to, revision"
                + " FROM province_replica_unit WHERE code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)"
                + " ORDER BY valid_from", code, last, first);
    }

    /** The units in force on a date, by code. */
    public List<ReplicaUnit> unitsOn(LocalDate date) {
        return versions("SELECT code, name, kind, region, region_derived, valid_from, valid_to, revision"
                + " FROM province_replica_unit WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY code",
                date, date);
    }

    /** Why a code names no unit at some time: none ever, not yet (it began later), or no longer (it ceased). */
    public enum AbsenceKind { NEVER, NOT_YET, NO_LONGER }

    /**
     * The start of a refusal that names a unit not in force, written once for every service: "06 names no provincial
     * unit", "01 (Hà Nội) began on 2008-08-01", "06 (Bắc Kạn) ceased on 2025-06-30 and became part of 19"; the caller
     * adds what it had asked for. {@code successors}: the codes a unit that ceased became part of.
     */
    public record Absence(AbsenceKind kind, String reason, List<String> successors) {
    }

    /**
     * Why the code, with these versions (oldest first, as {@link #history} gives them), names no unit in force in a
     * time ending on {@code lastDay}.
     */
    public Absence absence(String code, List<ReplicaUnit> history, LocalDate lastDay) {
        if (history.isEmpty()) {
            return new Absence(AbsenceKind.NEVER, code + " names no provincial unit", List.of());
        }
        ReplicaUnit first = history.get(0);
        ReplicaUnit last = history.get(history.size() - 1);
        if (last.validTo() == null || lastDay.isBefore(first.validFrom())) {
            return new Absence(AbsenceKind.NOT_YET, code + " (" + first.name() + ") began on " + first.validFrom(), List.of());
        }
        List<String> successors = successorsOf(last);
        return new Absence(AbsenceKind.NO_LONGER, code + " (" + last.name() + ") ceased on " + last.validTo()
                + (successors.isEmpty() ? "" : " and became part of " + String.join(", ", successors)), successors);
    }

    /** Every version a code has named, oldest first. */
    public List<ReplicaUnit> history(String code) {
        return versions("SELECT code, name, kind, region, region_derived, valid_from, valid_to, revision"
                + " FROM province_replica_unit WHERE code = ? ORDER BY valid_from", code);
    }

    /** The codes a version's territory went to, sorted; empty while it stands (or when this replica knows none). */
    public List<String> successorsOf(ReplicaUnit version) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT DISTINCT successor_code FROM"
                        + " province_replica_lineage WHERE predecessor_code = ? AND predecessor_valid_from = ?"
                        + " ORDER BY successor_code")) {
            query.setString(1, version.code());
            query.setDate(2, Date.valueOf(version.validFrom()));
            List<String> codes = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    codes.add(row.getString(1));
                }
            }
            return codes;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every version the replica holds, by code then first day: a few hundred rows, for answers that span years. */
    public List<ReplicaUnit> allVersions() {
        return versions("SELECT code, name, kind, region, region_derived, valid_from, valid_to, revision"
                + " FROM province_replica_unit ORDER BY code, valid_from");
    }

    /** The versions whose territory became (part of) this version, sorted by code; empty for an original one. */
    public List<ReplicaUnit> predecessorsOf(ReplicaUnit version) {
        return versions("SELECT u.code, u.name, u.kind, u.region, u.region_derived, u.valid_from, u.valid_to, u.revision"
                + " FROM province_replica_lineage l JOIN province_replica_unit u ON u.code = l.predecessor_code"
                + " AND u.valid_from = l.predecessor_valid_from WHERE l.successor_code = ? AND l.successor_valid_from = ?"
                + " ORDER BY u.code", version.code(), version.validFrom());
    }

    private List<ReplicaUnit> versions(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i] instanceof LocalDate date ? Date.valueOf(date) : parameters[i]);
            }
            List<ReplicaUnit> units = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Date validTo = row.getDate(7);
                    units.add(new ReplicaUnit(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getBoolean(5), row.getDate(6).toLocalDate(), validTo == null ? null : validTo.toLocalDate(),
                            row.getInt(8)));
                }
            }
            return units;
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
                            + " revision, last_event_id, updated_at, events_applied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                insert.setString(1, unit.code());
                insert.setDate(2, Date.valueOf(unit.validFrom()));
                bindSnapshot(insert, 3, unit, eventId);
                insert.executeUpdate();
            }
        } else {
            boolean newer = unit.revision() >= stored;
            try (PreparedStatement update = connection.prepareStatement(newer
                    ? "UPDATE province_replica_unit SET valid_to = ?, name = ?, kind = ?, region = ?, region_derived = ?,"
                            + " revision = ?, last_event_id = ?, updated_at = ?, events_applied = events_applied + 1"
                            + " WHERE code = ? AND valid_from = ?"
                    : "UPDATE province_replica_unit SET events_applied = events_applied + 1 WHERE code = ? AND valid_from = ?")) {
                int key = newer ? bindSnapshot(update, 1, unit, eventId) : 1;
                update.setString(key, unit.code());
                update.setDate(key + 1, Date.valueOf(unit.validFrom()));
                update.executeUpdate();
            }
        }
    }

    void link(Connection connection, String predecessorCode, LocalDate predecessorValidFrom, ReplicaUnit successor,
            LocalDate effective, String kind) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO province_replica_lineage (predecessor_code, predecessor_valid_from, successor_code,"
                        + " successor_valid_from, effective_date, change_kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, predecessorCode);
            insert.setDate(2, Date.valueOf(predecessorValidFrom));
            insert.setString(3, successor.code());
            insert.setDate(4, Date.valueOf(successor.validFrom()));
            insert.setDate(5, Date.valueOf(effective));
            insert.setString(6, kind);
            insert.executeUpdate();
        }
    }

    /**
     * Binds what a snapshot says of a version (valid_to, name, kind, region, region_derived, revision, last_event_id,
     * updated_at), in that order from parameter {@code first}; returns the next parameter's index.
     */
    private static int bindSnapshot(PreparedStatement statement, int first, ReplicaUnit unit, String eventId)
            throws SQLException {
        statement.setDate(first, unit.validTo() == null ? null : Date.valueOf(unit.validTo()));
        statement.setString(first + 1, unit.name());
        statement.setString(first + 2, unit.kind());
        statement.setString(first + 3, unit.region());
        statement.setBoolean(first + 4, unit.regionDerived());
        statement.setInt(first + 5, unit.revision());
        statement.setString(first + 6, eventId);
        statement.setTimestamp(first + 7, Timestamp.from(Instant.now()));
        return first + 8;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
