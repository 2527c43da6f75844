package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.nangsuat.rules.OverTime;

/**
 * This service's copy of what indicator-service publishes on indicator.events: the definitions (the higher revision
 * wins) and the latest revision of each value (a deletion keeps its revision without a value). Revisions decide, not
 * arrival order, so a redelivered or late event never takes the copy back.
 */
@ApplicationScoped
public class IndicatorReplica {

    /**
     * A definition, as far as targets need it. {@code overTime} is null while the definition was announced without it
     * (by an indicator-service before it said so).
     */
    public record Indicator(String code, String name, String unit, String periodicity, String better, String aggregation,
            OverTime overTime, String numerator, String denominator, int revision) {
    }

    /** A change of one period's value, as observation.changed carries it; a null value is a deletion. */
    public record Change(String period, BigDecimal value, String status, int revision) {
    }

    /** A yearly value of a series, with how firm it is and its revision. */
    public record YearValue(int year, BigDecimal value, String status, int revision) {
    }

    /** Rows per INSERT of changes: an import's event carries up to a thousand. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final EntityManager entityManager;

    public IndicatorReplica(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Indicator> indicator(String code) {
        List<?> rows = entityManager.createNativeQuery("SELECT code, name, unit, periodicity, better, aggregation,"
                + " over_time, numerator_code, denominator_code, revision FROM indicator_replica WHERE code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Indicator((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                row[6] == null ? null : OverTime.valueOf((String) row[6]), (String) row[7], (String) row[8],
                ((Number) row[9]).intValue())).findFirst();
    }

    /** Keeps the definition unless the copy holds a later revision of it. */
    public void define(Indicator indicator) {
        entityManager.createNativeQuery("INSERT INTO indicator_replica (code, name, unit, periodicity, better, aggregation,"
                + " numerator_code, denominator_code, over_time, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?9, ?10, ?7)"
                + " ON DUPLICATE KEY UPDATE"
                + " name = IF(VALUES(revision) >= revision, VALUES(name), name),"
                + " unit = IF(VALUES(revision) >= revision, VALUES(unit), unit),"
                + " periodicity = IF(VALUES(revision) >= revision, VALUES(periodicity), periodicity),"
                + " better = IF(VALUES(revision) >= revision, VALUES(better), better),"
                + " aggregation = IF(VALUES(revision) >= revision, VALUES(aggregation), aggregation),"
                + " numerator_code = IF(VALUES(revision) >= revision, VALUES(numerator_code), numerator_code),"
                + " denominator_code = IF(VALUES(revision) >= revision, VALUES(denominator_code), denominator_code),"
                + " over_time = IF(VALUES(revision) >= revision, VALUES(over_time), over_time),"
                + " revision = GREATEST(revision, VALUES(revision))")
                .setParameter(1, indicator.code()).setParameter(2, indicator.name()).setParameter(3, indicator.unit())
                .setParameter(4, indicator.periodicity()).setParameter(5, indicator.better())
                .setParameter(6, indicator.aggregation()).setParameter(7, indicator.revision())
                .setParameter(8, indicator.numerator()).setParameter(9, indicator.denominator())
                .setParameter(10, indicator.overTime() == null ? null : indicator.overTime().name()).executeUpdate();
    }

    /**
     * Keeps each change unless the copy holds the same or a later revision of its value. True when a row was touched:
     * the driver counts rows found, not changed, so a stale event answers true too and costs a recompute that finds
     * nothing new (the progress compares equal and nothing is published).
     */
    public boolean apply(String unit, String indicator, List<Change> changes) {
        boolean changed = false;
        for (int from = 0; from < changes.size(); from += ROWS_PER_STATEMENT) {
            changed |= upsert(unit, indicator, changes.subList(from, Math.min(changes.size(), from + ROWS_PER_STATEMENT))) > 0;
        }
        return changed;
    }

    private int upsert(String unit, String indicator, List<Change> changes) {
        String tuples = String.join(", ", Collections.nCopies(changes.size(), "(?, ?, ?, ?, ?, ?)"));
        Query upsert = entityManager.createNativeQuery("INSERT INTO observation_replica (unit_code, indicator_code, period,"
                + " revision, value, status) VALUES " + tuples + " ON DUPLICATE KEY UPDATE"
                + " value = IF(VALUES(revision) > revision, VALUES(value), value),"
                + " status = IF(VALUES(revision) > revision, VALUES(status), status),"
                + " revision = GREATEST(revision, VALUES(revision))");
        int parameter = 1;
        for (Change change : changes) {
            upsert.setParameter(parameter++, unit).setParameter(parameter++, indicator).setParameter(parameter++, change.period())
                    .setParameter(parameter++, change.revision()).setParameter(parameter++, change.value())
                    .setParameter(parameter++, change.value() == null ? null : change.status());
        }
        return upsert.executeUpdate();
    }

    /** The yearly values that stand (not deleted) of the units' series of the indicators, by unit and indicator. */
    public Map<String, Map<String, List<YearValue>>> yearly(Collection<String> units, Collection<String> indicators) {
        List<?> rows = entityManager.createNativeQuery("SELECT unit_code, indicator_code, period, value, status, revision"
                + " FROM observation_replica WHERE unit_code IN (?1) AND indicator_code IN (?2) AND value IS NOT NULL"
                + " AND CHAR_LENGTH(period) = 4 ORDER BY period").setParameter(1, units).setParameter(2, indicators)
                .getResultList();
        Map<String, Map<String, List<YearValue>>> values = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            values.computeIfAbsent((String) columns[0], unit -> new HashMap<>())
                    .computeIfAbsent((String) columns[1], indicator -> new ArrayList<>())
                    .add(new YearValue(Integer.parseInt((String) columns[2]), (BigDecimal) columns[3], (String) columns[4],
                            ((Number) columns[5]).intValue()));
        }
        return values;
    }

    /** The indicator and the ratios it is a part of: what a change of its values may move. */
    public List<String> withRatiosOf(String indicator) {
        List<String> codes = new ArrayList<>(List.of(indicator));
        entityManager.createNativeQuery("SELECT code FROM indicator_replica WHERE numerator_code = ?1 OR denominator_code = ?1")
                .setParameter(1, indicator).getResultList().forEach(code -> codes.add((String) code));
        return codes;
    }

    /** A national figure for one year: the sums over the units that have the values, and how many they are. */
    public record NationalYear(int year, BigDecimal numerator, BigDecimal denominator, int units) {
    }

    /**
     * Per year, the national sum of an indicator's values, and with a denominator, of the denominator's over the same
     * units (those having both), so a ratio of the two is a ratio of sums, never a mean of the units' ratios.
     */
    public List<NationalYear> nationalSums(String numerator, String denominator) {
        List<?> rows = denominator == null
                ? entityManager.createNativeQuery("SELECT period, SUM(value), NULL, COUNT(*) FROM observation_replica"
                        + " WHERE indicator_code = ?1 AND value IS NOT NULL AND CHAR_LENGTH(period) = 4"
                        + " GROUP BY period ORDER BY period").setParameter(1, numerator).getResultList()
                : entityManager.createNativeQuery("SELECT n.period, SUM(n.value), SUM(d.value), COUNT(*)"
                        + " FROM observation_replica n JOIN observation_replica d ON d.unit_code = n.unit_code"
                        + " AND d.period = n.period AND d.indicator_code = ?2 AND d.value IS NOT NULL"
                        + " WHERE n.indicator_code = ?1 AND n.value IS NOT NULL AND CHAR_LENGTH(n.period) = 4"
                        + " GROUP BY n.period ORDER BY n.period")
                        .setParameter(1, numerator).setParameter(2, denominator).getResultList();
        List<NationalYear> years = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            years.add(new NationalYear(Integer.parseInt((String) columns[0]), (BigDecimal) columns[1],
                    (BigDecimal) columns[2], ((Number) columns[3]).intValue()));
        }
        return years;
    }
}
