package vn.nangsuat.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, Observation.Id> {

    /** The current revision (a tombstone included), locked until the transaction ends. */
    public Optional<Observation> currentForUpdate(String unit, String indicator, Period period) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM observation WHERE unit_code = ?1 AND indicator_code = ?2 AND period = ?3"
                        + " AND superseded_at IS NULL FOR UPDATE", Observation.class)
                .setParameter(1, unit).setParameter(2, indicator).setParameter(3, period.toString())
                .getResultList();
        return rows.stream().map(Observation.class::cast).findFirst();
    }

    /** The revision that was current at the instant (a tombstone included), if any was. */
    public Optional<Observation> asOf(String unit, String indicator, Period period, Instant instant) {
        return find("id.unitCode = ?1 and id.indicatorCode = ?2 and id.period = ?3 and recordedAt <= ?4"
                + " and (supersededAt is null or supersededAt > ?4)", unit, indicator, period.toString(), instant)
                .firstResultOptional();
    }

    /** Every revision, oldest first. */
    public List<Observation> history(String unit, String indicator, Period period) {
        return list("id.unitCode = ?1 and id.indicatorCode = ?2 and id.period = ?3 order by id.revision",
                unit, indicator, period.toString());
    }

    /** The values (not deletions) of a unit's indicators that were current at the instant. */
    public List<Observation> valuesAsOf(String unit, Collection<String> indicators, Instant instant) {
        return list("id.unitCode = ?1 and id.indicatorCode in ?2 and value is not null and recordedAt <= ?3"
                + " and (supersededAt is null or supersededAt > ?3)", unit, indicators, instant);
    }

    /** The values (not deletions) of several units' indicators that were current at the instant. */
    public List<Observation> valuesAsOf(Collection<String> units, Collection<String> indicators, Instant instant) {
        return list("id.unitCode in ?1 and id.indicatorCode in ?2 and value is not null and recordedAt <= ?3"
                + " and (supersededAt is null or supersededAt > ?3)", units, indicators, instant);
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
        return list("id.indicatorCode in ?1 and id.period in ?2 and value is not null and recordedAt <= ?3"
                + " and (supersededAt is null or supersededAt > ?3)", indicators, periods, instant);
    }

    /** Changes with every revision added to a unit's indicators: how many there are and the latest one's time. */
    public String revisionStamp(String unit, Collection<String> indicators) {
        Object[] row = getEntityManager().createQuery("select count(o), max(o.recordedAt) from Observation o"
                        + " where o.id.unitCode = ?1 and o.id.indicatorCode in ?2", Object[].class)
                .setParameter(1, unit).setParameter(2, indicators).getSingleResult();
        return row[0] + "/" + row[1];
    }

    /** The values (not deletions) of an indicator for a period, of every unit, that were current at the instant. */
    public List<Observation> crossSectionAsOf(String indicator, Period period, Instant instant) {
        return list("id.indicatorCode = ?1 and id.period = ?2 and value is not null and recordedAt <= ?3"
                + " and (supersededAt is null or supersededAt > ?3)", indicator, period.toString(), instant);
    }
}
