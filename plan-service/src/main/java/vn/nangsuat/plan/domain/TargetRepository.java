package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, Long> {

    /** A target with the plan it belongs to. */
    public record Followed(Target target, Plan plan) {
    }

    /**
     * Those of the indicators a target follows, itself or through a ratio it is a part of: one statement for a
     * consumer's chunk of series (most of an import's series no target follows).
     */
    public Set<String> followedAmong(Collection<String> indicators) {
        List<?> followed = getEntityManager().createNativeQuery("SELECT indicator_code FROM plan_target"
                        + " WHERE indicator_code IN (?1)"
                        + " UNION SELECT r.numerator_code FROM indicator_replica r JOIN plan_target t ON t.indicator_code = r.code"
                        + " WHERE r.numerator_code IN (?1)"
                        + " UNION SELECT r.denominator_code FROM indicator_replica r JOIN plan_target t ON t.indicator_code = r.code"
                        + " WHERE r.denominator_code IN (?1)")
                .setParameter(1, indicators).getResultList();
        return followed.stream().map(String.class::cast).collect(Collectors.toSet());
    }

    /** The targets on the indicators of the units' plans, with their plans. */
    public List<Followed> following(Collection<String> indicators, Collection<String> units) {
        return getEntityManager().createQuery("select t, p from Target t, Plan p where p.id = t.planId"
                        + " and t.indicatorCode in :indicators and p.unitCode in :units order by t.id", Object[].class)
                .setParameter("indicators", indicators).setParameter("units", units).getResultList().stream()
                .map(row -> new Followed((Target) row[0], (Plan) row[1])).toList();
    }

    /** The targets whose year is before the given one and whose progress still reads as paced, not judged. */
    public List<Followed> pacedAfterTheirYear(int year) {
        return getEntityManager().createQuery("select t, p from Target t, Plan p, TargetProgress g where p.id = t.planId"
                        + " and g.targetId = t.id and t.targetYear < :year and g.status in :paced order by t.id", Object[].class)
                .setParameter("year", year)
                .setParameter("paced", List.of(ProgressStatus.ON_TRACK, ProgressStatus.NEEDS_ACCELERATION,
                        ProgressStatus.OFF_TRACK))
                .getResultStream().map(row -> new Followed((Target) row[0], (Plan) row[1])).toList();
    }

    /** Holds the target's row until the transaction ends: its progress is recomputed by one transaction at a time. */
    public void lockForUpdate(long targetId) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        getEntityManager().createNativeQuery("SELECT id FROM plan_target WHERE id = ?1 FOR UPDATE").setParameter(1, targetId)
                .getResultList();
    }

    public List<Target> ofPlan(long planId) {
        return list("planId = ?1 order by id", planId);
    }
}
