package vn.nangsuat.provincereplica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.cache.Snapshot;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.rules.Territory;

/**
 * This service's copy of the provincial units and their lineage, kept by {@link ProvinceUnitsHandler}.
 * A version is keyed by (code, validFrom); of two snapshots of one version, the higher revision wins, so
 * events applied out of order across units still converge. Its tables are written by the handler; reads are
 * answered from all of it held in memory (a few hundred rows), loaded again once an event was applied, so a read
 * never takes a connection of its own beside the one its request may hold.
 */
@Startup  // made at start, so its snapshot is loaded then, never by a request
@ApplicationScoped
public class ProvinceReplica {

    /** The aggregate type the snapshot of the replica follows (changed by the replica's consumer, not by an outbox). */
    public static final String AGGREGATE = "province-replica";

    private final AgroalDataSource dataSource;
    private final Snapshot<Units> units;
    private final Snapshots snapshots;

    public ProvinceReplica(AgroalDataSource dataSource, Snapshots snapshots) {
        this.dataSource = dataSource;
        this.snapshots = snapshots;
        this.units = snapshots.of("province replica", this::load, AGGREGATE);
    }

    /** A version's key: its code and first day. */
    private record Key(String code, LocalDate validFrom) {
    }

    /** The whole replica: versions by code (oldest first), and the lineage both ways. */
    private record Units(List<ReplicaUnit> all, Map<String, List<ReplicaUnit>> byCode, Map<Key, List<String>> successors,
            Map<Key, List<ReplicaUnit>> predecessors) {

        List<ReplicaUnit> history(String code) {
            return byCode.getOrDefault(code, List.of());
        }
    }

    /** The unit a code named on a date, as far as this replica knows. */
    public Optional<ReplicaUnit> unitOn(String code, LocalDate date) {
        return versionsDuring(code, date, date).stream().findFirst();
    }

    /** The versions of a code in force on any day from `first` to `last`, oldest first. */
    public List<ReplicaUnit> versionsDuring(String code, LocalDate first, LocalDate last) {
        return units.get().history(code).stream().filter(version -> inForceDuring(version, first, last)).toList();
    }

    /**
     * The provincial units in force on a date, by code: never the country (VN), whose figures are its own, not one more
     * province's to count or sum.
     */
    public List<ReplicaUnit> unitsOn(LocalDate date) {
        return units.get().all().stream()
                .filter(version -> inForceDuring(version, date, date) && !Territory.NATION.equals(version.code()))
                .toList();
    }

    /**
     * Each unit in force on a day (of the region, or every one for null), as a territory over time: what an aggregate
     * of a period ending that day counts, each code once.
     */
    public List<UnitComposition> territoriesOn(LocalDate day, String region) {
        Map<String, UnitComposition> territories = new TreeMap<>();
        for (ReplicaUnit unit : unitsOn(day)) {
            if (region == null || region.equals(unit.region())) {
                territories.putIfAbsent(unit.code(), new UnitComposition(this, unit));
            }
        }
        return List.copyOf(territories.values());
    }

    private static boolean inForceDuring(ReplicaUnit version, LocalDate first, LocalDate last) {
        return !version.validFrom().isAfter(last) && (version.validTo() == null || !version.validTo().isBefore(first));
    }

    /** Why a code names no unit at some time: none ever, not yet (it began later), or no longer (it ceased). */
    public enum AbsenceKind { NEVER, NOT_YET, NO_LONGER }

    /**
     * The start of a refusal that names a unit not in force, written once for every service: "06 names no provincial
     * unit", "01 (Hà Nội) began on 2008-08-01", "06 (Bắc Kạn) ceased on 2025-06-30 and became part of 19"; the caller
     * adds what it had asked for, in both languages. {@code successors}: the codes a unit that ceased became part of.
     */
    public record Absence(AbsenceKind kind, Text reason, List<String> successors) {
    }

    /**
     * Why the code, with these versions (oldest first, as {@link #history} gives them), names no unit in force in a
     * time ending on {@code lastDay}.
     */
    public Absence absence(String code, List<ReplicaUnit> history, LocalDate lastDay) {
        if (history.isEmpty()) {
            return new Absence(AbsenceKind.NEVER, new Text(code + " names no provincial unit",
                    code + " không phải mã của đơn vị cấp tỉnh nào"), List.of());
        }
        ReplicaUnit first = history.get(0);
        ReplicaUnit last = history.get(history.size() - 1);
        if (last.validTo() == null || lastDay.isBefore(first.validFrom())) {
            String unit = code + " (" + first.name() + ")";
            return new Absence(AbsenceKind.NOT_YET, new Text(unit + " began on " + first.validFrom(),
                    unit + " bắt đầu từ ngày " + first.validFrom()), List.of());
        }
        List<String> successors = successorsOf(last);
        String unit = code + " (" + last.name() + ")";
        String into = String.join(", ", successors);
        return new Absence(AbsenceKind.NO_LONGER, new Text(
                unit + " ceased on " + last.validTo() + (successors.isEmpty() ? "" : " and became part of " + into),
                unit + " đã chấm dứt vào ngày " + last.validTo() + (successors.isEmpty() ? "" : " và đã nhập vào " + into)),
                successors);
    }

    /** Every version a code has named, oldest first. */
    public List<ReplicaUnit> history(String code) {
        return units.get().history(code);
    }

    /** The codes a version's territory went to, sorted; empty while it stands (or when this replica knows none). */
    public List<String> successorsOf(ReplicaUnit version) {
        return units.get().successors().getOrDefault(new Key(version.code(), version.validFrom()), List.of());
    }

    /** Every version the replica holds, by code then first day: a few hundred rows, for answers that span years. */
    public List<ReplicaUnit> allVersions() {
        return units.get().all();
    }

    /** The versions whose territory became (part of) this version, sorted by code; empty for an original one. */
    public List<ReplicaUnit> predecessorsOf(ReplicaUnit version) {
        return units.get().predecessors().getOrDefault(new Key(version.code(), version.validFrom()), List.of());
    }

    /** Rows were written behind the handler's back (a test's fixture): reads see them once this returns. */
    public void reloadNow() {
        snapshots.reloadNow(AGGREGATE);
    }

    /** An event was applied (here or, for a redelivery, by another instance): reads see it once loaded again. */
    void changed() {
        snapshots.invalidate(AGGREGATE);
    }

    private Units load() {
        List<ReplicaUnit> all = versions("SELECT code, name, kind, region, region_derived, valid_from, valid_to, revision"
                + " FROM province_replica_unit ORDER BY code, valid_from");
        Map<String, List<ReplicaUnit>> byCode = new HashMap<>();
        Map<Key, ReplicaUnit> byKey = new HashMap<>();
        for (ReplicaUnit version : all) {
            byCode.computeIfAbsent(version.code(), code -> new ArrayList<>()).add(version);
            byKey.put(new Key(version.code(), version.validFrom()), version);
        }
        Map<Key, List<String>> successors = new HashMap<>();
        Map<Key, List<ReplicaUnit>> predecessors = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT DISTINCT predecessor_code,"
                        + " predecessor_valid_from, successor_code, successor_valid_from FROM province_replica_lineage"
                        + " ORDER BY successor_code, predecessor_code");
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                Key predecessor = new Key(row.getString(1), row.getDate(2).toLocalDate());
                Key successor = new Key(row.getString(3), row.getDate(4).toLocalDate());
                List<String> codes = successors.computeIfAbsent(predecessor, key -> new ArrayList<>());
                if (!codes.contains(successor.code())) {
                    codes.add(successor.code());
                }
                ReplicaUnit known = byKey.get(predecessor);
                if (known != null) {
                    predecessors.computeIfAbsent(successor, key -> new ArrayList<>()).add(known);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byCode.replaceAll((code, versions) -> List.copyOf(versions));
        successors.replaceAll((key, codes) -> codes.stream().sorted().toList());
        predecessors.replaceAll((key, versions) -> List.copyOf(versions));
        return new Units(List.copyOf(all), Map.copyOf(byCode), Map.copyOf(successors), Map.copyOf(predecessors));
    }

    private List<ReplicaUnit> versions(String sql) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
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

    /**
     * Drops a version that no longer exists, with the lineage that led to it, unless a newer state of it is held (a
     * version opened again on that day after the withdrawal, with its own revisions).
     */
    void withdraw(Connection connection, ReplicaUnit unit) throws SQLException {
        try (PreparedStatement deleteUnit = connection.prepareStatement(
                "DELETE FROM province_replica_unit WHERE code = ? AND valid_from = ? AND revision < ?")) {
            deleteUnit.setString(1, unit.code());
            deleteUnit.setDate(2, Date.valueOf(unit.validFrom()));
            deleteUnit.setInt(3, unit.revision());
            if (deleteUnit.executeUpdate() == 0) {
                return;  // never held, or held newer
            }
        }
        try (PreparedStatement deleteLineage = connection.prepareStatement(
                "DELETE FROM province_replica_lineage WHERE successor_code = ? AND successor_valid_from = ?")) {
            deleteLineage.setString(1, unit.code());
            deleteLineage.setDate(2, Date.valueOf(unit.validFrom()));
            deleteLineage.executeUpdate();
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
