package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.Combination;
import vn.nangsuat.rules.IndicatorRule;
import vn.nangsuat.rules.ObservationStatus;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Period;
import vn.nangsuat.rules.Periodicity;
import vn.nangsuat.rules.Prices;

/**
 * This service's copy of what indicator-service publishes on indicator.events: the definitions (the higher revision
 * wins) and the latest revision of each value (a deletion keeps its revision without a value). Revisions decide, not
 * arrival order, so a redelivered or late event never takes the copy back.
 */
@ApplicationScoped
public class IndicatorReplica {

    /** What read models resting on the values and definitions follow; invalidated once an event is applied. */
    public static final String AGGREGATE = "indicator-replica";

    /**
     * A definition, as far as targets need it. {@code overTime} is null while the definition was announced without it
     * (by an indicator-service before it said so).
     */
    public record Indicator(String code, String name, String unit, String periodicity, String better, String aggregation,
            OverTime overTime, Prices prices, String numerator, String denominator, String base, int revision) {

        /** How its values combine, for statistics-rules; an aggregation this release does not know is never combined. */
        public IndicatorRule rule() {
            Aggregation combined = known(Aggregation.class, aggregation).orElse(Aggregation.REPORTED);
            return new IndicatorRule(code, combined, overTime, numerator, denominator, base);
        }
    }

    /** A change of one period's value, as observation.changed carries it; a null value is a deletion. */
    public record Change(String period, BigDecimal value, String status, int revision) {
    }

    /** The changes of one unit's series of an indicator, as one observation.changed carries them. */
    public record Series(String unit, String indicator, List<Change> changes) {
    }

    /** Rows per INSERT of changes: an import's event carries up to a thousand, a consumer's chunk a hundred events. */
    private static final int ROWS_PER_STATEMENT = 500;

    private final EntityManager entityManager;

    public IndicatorReplica(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Indicator> indicator(String code) {
        List<?> rows = entityManager.createNativeQuery("SELECT code, name, unit, periodicity, better, aggregation,"
                + " over_time, prices, numerator_code, denominator_code, base_code, revision FROM indicator_replica"
                + " WHERE code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Indicator((String) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                row[6] == null ? null : OverTime.valueOf((String) row[6]), row[7] == null ? null : Prices.valueOf((String) row[7]),
                (String) row[8], (String) row[9], (String) row[10], ((Number) row[11]).intValue())).findFirst();
    }

    /**
     * The rules of the indicator and of those it is computed from (a ratio's parts, a growth's base and its parts),
     * by code: what statistics-rules needs to combine it. Empty when this replica does not know the indicator.
     */
    public Map<String, IndicatorRule> rulesWithParts(String code) {
        Map<String, IndicatorRule> rules = new LinkedHashMap<>();
        collect(code, rules);
        return rules;
    }

    private void collect(String code, Map<String, IndicatorRule> rules) {
        if (code == null || rules.containsKey(code)) {
            return;
        }
        indicator(code).map(Indicator::rule).ifPresent(rule -> {
            rules.put(code, rule);
            collect(rule.numerator(), rules);
            collect(rule.denominator(), rules);
            collect(rule.base(), rules);
        });
    }

    /**
     * Locks the definitions of these indicators until the transaction ends, in code order (so two transactions never
     * wait for each other). A value of a series is applied, and a target on it or on what it is part of is set, one after
     * the other: the second sees what the first wrote, so a target set while its series changes never keeps a progress
     * computed without the new value. An indicator not known yet has nothing to lock (no target can be set on it).
     */
    public void lockSeries(Collection<String> indicators) {
        if (indicators.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("SELECT code FROM indicator_replica WHERE code IN (:codes) ORDER BY code FOR UPDATE")
                .setParameter("codes", new TreeSet<>(indicators)).getResultList();
    }

    /** Keeps the definition unless the copy holds a later revision of it. */
    public void define(Indicator indicator) {
        entityManager.createNativeQuery("INSERT INTO indicator_replica (code, name, unit, periodicity, better, aggregation,"
                + " numerator_code, denominator_code, over_time, base_code, prices, revision)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8, ?9, ?10, ?11, ?12, ?7)"
                + " ON DUPLICATE KEY UPDATE"
                + " name = IF(VALUES(revision) >= revision, VALUES(name), name),"
                + " unit = IF(VALUES(revision) >= revision, VALUES(unit), unit),"
                + " periodicity = IF(VALUES(revision) >= revision, VALUES(periodicity), periodicity),"
                + " better = IF(VALUES(revision) >= revision, VALUES(better), better),"
                + " aggregation = IF(VALUES(revision) >= revision, VALUES(aggregation), aggregation),"
                + " numerator_code = IF(VALUES(revision) >= revision, VALUES(numerator_code), numerator_code),"
                + " denominator_code = IF(VALUES(revision) >= revision, VALUES(denominator_code), denominator_code),"
                + " over_time = IF(VALUES(revision) >= revision, VALUES(over_time), over_time),"
                + " base_code = IF(VALUES(revision) >= revision, VALUES(base_code), base_code),"
                + " prices = IF(VALUES(revision) >= revision, VALUES(prices), prices),"
                + " revision = GREATEST(revision, VALUES(revision))")
                .setParameter(1, indicator.code()).setParameter(2, indicator.name()).setParameter(3, indicator.unit())
                .setParameter(4, indicator.periodicity()).setParameter(5, indicator.better())
                .setParameter(6, indicator.aggregation()).setParameter(7, indicator.revision())
                .setParameter(8, indicator.numerator()).setParameter(9, indicator.denominator())
                .setParameter(10, indicator.overTime() == null ? null : indicator.overTime().name())
                .setParameter(11, indicator.base())
                .setParameter(12, indicator.prices() == null ? null : indicator.prices().name()).executeUpdate();
    }

    /**
     * Keeps each change unless the copy holds the same or a later revision of its value; the series of a consumer's
     * chunk in as few statements as the rows allow. A series listed twice keeps its later revisions.
     */
    public void apply(List<Series> series) {
        List<Object[]> rows = new ArrayList<>();
        for (Series one : series) {
            for (Change change : one.changes()) {
                rows.add(new Object[] {one.unit(), one.indicator(), change.period(), change.revision(), change.value(),
                        change.value() == null ? null : change.status()});
            }
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            upsert(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }

    /**
     * Rows of unit, indicator, period, revision, value and status (null for a deletion). Plain JDBC on the session's
     * connection: Hibernate keeps the parameters of every native statement it parsed, and a statement of each row count
     * up to 500, six parameters a row, would keep tens of megabytes of them.
     */
    private void upsert(List<Object[]> rows) {
        String tuples = String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?)"));
        String sql = "INSERT INTO observation_replica (unit_code, indicator_code, period, revision, value, status)"
                + " VALUES " + tuples + " ON DUPLICATE KEY UPDATE"
                + " value = IF(VALUES(revision) > revision, VALUES(value), value),"
                + " status = IF(VALUES(revision) > revision, VALUES(status), status),"
                + " revision = GREATEST(revision, VALUES(revision))";
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                int parameter = 1;
                for (Object[] row : rows) {
                    for (Object column : row) {
                        upsert.setObject(parameter++, column);
                    }
                }
                upsert.executeUpdate();
            }
        });
    }

    /**
     * The yearly values that stand (not deleted) of the indicators, of the given units or (null) of every unit: what
     * statistics-rules combines.
     */
    public Yearly yearly(Collection<String> units, Collection<String> indicators) {
        Query query = entityManager.createNativeQuery("SELECT unit_code, indicator_code, period, value, status, revision"
                + " FROM observation_replica WHERE indicator_code IN (?1) AND value IS NOT NULL AND CHAR_LENGTH(period) = 4"
                + (units == null ? "" : " AND unit_code IN (?2)")).setParameter(1, indicators);
        if (units != null) {
            query.setParameter(2, units);
        }
        Map<String, Combination.Recorded> values = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            int year = Integer.parseInt((String) columns[2]);
            years.add(year);
            values.put(columns[0] + "|" + columns[1] + "|" + year, new Combination.Recorded((BigDecimal) columns[3],
                    status((String) columns[4]), ((Number) columns[5]).intValue()));
        }
        return new Yearly(values, years);
    }

    /** A status this release does not know (a newer indicator-service's) is taken as the least firm. */
    private static ObservationStatus status(String text) {
        return known(ObservationStatus.class, text).orElse(ObservationStatus.ESTIMATE);
    }

    /**
     * The constant of the type an event names: empty for none, or for one this release does not know (sent by a newer
     * indicator-service), which each caller reads its own way.
     */
    public static <E extends Enum<E>> Optional<E> known(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text)).findFirst();
    }

    /** Yearly values by unit, indicator and year, and the years that have any. */
    public record Yearly(Map<String, Combination.Recorded> values, Set<Integer> years) implements Combination.Values {

        @Override
        public Combination.Recorded of(String unit, String indicator, Period period) {
            return period.periodicity() == Periodicity.YEAR ? values.get(unit + "|" + indicator + "|" + period.year()) : null;
        }
    }

    /** The growth indicator whose base is the ratio of these two, if this replica knows one (the published growth). */
    public Optional<String> growthOfRatio(String numerator, String denominator) {
        return entityManager.createNativeQuery("SELECT g.code FROM indicator_replica g JOIN indicator_replica r"
                + " ON r.code = g.base_code WHERE g.aggregation = 'GROWTH' AND r.aggregation = 'RATIO'"
                + " AND r.numerator_code = ?1 AND r.denominator_code = ?2 ORDER BY g.code")
                .setParameter(1, numerator).setParameter(2, denominator).setMaxResults(1).getResultList().stream()
                .map(String.class::cast).findFirst();
    }

    /** The indicator and the ratios it is a part of: what a change of its values may move. */
    public List<String> withRatiosOf(String indicator) {
        List<String> codes = new ArrayList<>(List.of(indicator));
        entityManager.createNativeQuery("SELECT code FROM indicator_replica WHERE numerator_code = ?1 OR denominator_code = ?1")
                .setParameter(1, indicator).getResultList().forEach(code -> codes.add((String) code));
        return codes;
    }
}
