package vn.nangsuat.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import vn.nangsuat.rules.Period;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, Observation.Id> {

    /** Revisions looked up per query by {@link #fillSuperseded}: 4,000 parameters. */
    private static final int SUPERSEDED_PER_QUERY = 1_000;

    /** The current revision (a tombstone included), locked until the transaction ends. */
    public Optional<Observation> currentForUpdate(String unit, String indicator, Period period) {
        // A locking read that waited for a concurrent writer's lock returns the row it waited on, not the revision that
        // writer added; read again once the lock is held, which finds the latest committed revision at once and locks
        // it. Without this, two corrections sent with one ETag both passed If-Match and the second broke the unique key
        // (a 409 where the client must hear 412).
        latestForUpdate(unit, indicator, period);
        return latestForUpdate(unit, indicator, period);
    }

    private Optional<Observation> latestForUpdate(String unit, String indicator, Period period) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM observation WHERE unit_code = ?1 AND indicator_code = ?2 AND period = ?3"
                        + " ORDER BY revision DESC LIMIT 1 FOR UPDATE", Observation.class)
                .setParameter(1, unit).setParameter(2, indicator).setParameter(3, period.toString())
                .getResultList();
        return rows.stream().map(Observation.class::cast).findFirst();
    }

    /** The revision that was current at the instant (a tombstone included), if any was. */
    public Optional<Observation> asOf(String unit, String indicator, Period period, Instant instant) {
        return find("id.unitCode = ?1 and id.indicatorCode = ?2 and id.period = ?3 and recordedAt <= ?4"
                + " order by id.revision desc", unit, indicator, period.toString(), instant)
                .firstResultOptional();
    }

    /** Every revision, oldest first. */
    public List<Observation> history(String unit, String indicator, Period period) {
        return list("id.unitCode = ?1 and id.indicatorCode = ?2 and id.period = ?3 order by id.revision",
                unit, indicator, period.toString());
    }

    /** The values (not deletions) of a unit's indicators that were current at the instant. */
    public List<Observation> valuesAsOf(String unit, Collection<String> indicators, Instant instant) {
        return valuesOf(list("id.unitCode = ?1 and id.indicatorCode in ?2 and recordedAt <= ?3", unit, indicators, instant));
    }

    /** The values (not deletions) of several units' indicators that were current at the instant. */
    public List<Observation> valuesAsOf(Collection<String> units, Collection<String> indicators, Instant instant) {
        return valuesOf(list("id.unitCode in ?1 and id.indicatorCode in ?2 and recordedAt <= ?3", units, indicators,
                instant));
    }

    /**
     * Revisions recorded after the cursor and before `until`, in recording order (then by key), deletions included:
     * at most `limit`, optionally only of some units or indicators.
     */
    public List<Observation> recordedAfter(ChangeCursor cursor, Instant until, Collection<String> units,
            Collection<String> indicators, int limit) {
        StringBuilder query = new StringBuilder("from Observation o where o.recordedAt < :until and (o.recordedAt > :at");
        if (cursor.hasKey()) {
            query.append(" or (o.recordedAt = :at and (o.id.unitCode > :unit or (o.id.unitCode = :unit and"
                    + " (o.id.indicatorCode > :indicator or (o.id.indicatorCode = :indicator and (o.id.period > :period"
                    + " or (o.id.period = :period and o.id.revision > :revision)))))))");
        }
        query.append(")");
        if (!units.isEmpty()) {
            query.append(" and o.id.unitCode in :units");
        }
        if (!indicators.isEmpty()) {
            query.append(" and o.id.indicatorCode in :indicators");
        }
        query.append(" order by o.recordedAt, o.id.unitCode, o.id.indicatorCode, o.id.period, o.id.revision");
        var typed = getEntityManager().createQuery(query.toString(), Observation.class)
                .setParameter("until", until).setParameter("at", cursor.recordedAt()).setMaxResults(limit);
        if (cursor.hasKey()) {
            typed.setParameter("unit", cursor.unit()).setParameter("indicator", cursor.indicator())
                    .setParameter("period", cursor.period()).setParameter("revision", cursor.revision());
        }
        if (!units.isEmpty()) {
            typed.setParameter("units", units);
        }
        if (!indicators.isEmpty()) {
            typed.setParameter("indicators", indicators);
        }
        return typed.getResultList();
    }

    /** The values (not deletions) of some indicators for some periods, of every unit, current at the instant. */
    public List<Observation> crossSectionsAsOf(Collection<String> indicators, Collection<String> periods, Instant instant) {
        return valuesOf(list("id.indicatorCode in ?1 and id.period in ?2 and recordedAt <= ?3", indicators, periods,
                instant));
    }

    /** The values (not deletions) of an indicator for a period, of every unit, that were current at the instant. */
    public List<Observation> crossSectionAsOf(String indicator, Period period, Instant instant) {
        return valuesOf(list("id.indicatorCode = ?1 and id.period = ?2 and recordedAt <= ?3", indicator,
                period.toString(), instant));
    }

    /**
     * Sets when each revision was superseded: the recorded_at of the revision after it (revisions are numbered without
     * gaps), read by primary key for all of them in one query. For the revisions an answer shows (a page, a history).
     */
    public void fillSuperseded(Collection<Observation> revisions) {
        Map<Observation.Id, Observation> byNext = new HashMap<>();
        for (Observation revision : revisions) {
            Observation.Id id = revision.id;
            byNext.put(new Observation.Id(id.unitCode(), id.indicatorCode(), id.period(), id.revision() + 1), revision);
        }
        List<Observation.Id> keys = new ArrayList<>(byNext.keySet());
        for (int from = 0; from < keys.size(); from += SUPERSEDED_PER_QUERY) {
            List<Observation.Id> chunk = keys.subList(from, Math.min(keys.size(), from + SUPERSEDED_PER_QUERY));
            String tuples = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"));
            String sql = "SELECT unit_code, indicator_code, period, revision, UNIX_TIMESTAMP(recorded_at) FROM observation"
                    + " WHERE (unit_code, indicator_code, period, revision) IN (" + tuples + ")";
            // Plain JDBC: Hibernate would keep the parameters of a native statement of each page size, 4,000 at most.
            getEntityManager().unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    int parameter = 1;
                    for (Observation.Id id : chunk) {
                        query.setString(parameter++, id.unitCode());
                        query.setString(parameter++, id.indicatorCode());
                        query.setString(parameter++, id.period());
                        query.setInt(parameter++, id.revision());
                    }
                    try (ResultSet next = query.executeQuery()) {
                        while (next.next()) {
                            Observation superseded = byNext.get(new Observation.Id(next.getString(1), next.getString(2),
                                    next.getString(3), next.getInt(4)));
                            if (superseded != null) {
                                superseded.supersededAt = instant(next.getBigDecimal(5));
                            }
                        }
                    }
                }
            });
        }
    }

    /**
     * The values among revisions recorded by an instant: per unit, indicator and period the latest revision, unless it
     * is a deletion. Picked here rather than by a correlated subquery per row in SQL (the next revision is not stored
     * on the one it supersedes): the revisions of a value are few.
     */
    private static List<Observation> valuesOf(List<Observation> revisions) {
        Map<String, Observation> latest = new HashMap<>();
        for (Observation revision : revisions) {
            latest.merge(revision.id.unitCode() + "|" + revision.id.indicatorCode() + "|" + revision.id.period(), revision,
                    (one, other) -> one.id.revision() >= other.id.revision() ? one : other);
        }
        return latest.values().stream().filter(observation -> !observation.deleted()).toList();
    }

    /** An instant read as UNIX_TIMESTAMP (seconds with microseconds): the same whatever the session's time zone. */
    private static Instant instant(Object epochSeconds) {
        BigDecimal seconds = new BigDecimal(epochSeconds.toString());
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    /**
     * Passes the write gate beside other single writes, waiting while an import commits (V17): a revision's instant is
     * taken after this, so an import's commit is wholly before or after it. Inside the write's transaction.
     */
    public void passWriteGate() {
        getEntityManager().createNativeQuery("SELECT id FROM write_gate WHERE id = 1 LOCK IN SHARE MODE").getResultList();
    }
}
