package vn.nangsuat.plan.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, Long> {

    /** A target with the plan it belongs to. */
    public record Followed(Target target, Plan plan) {
    }

    /** The targets assessed on a series: those of the unit's plans on the indicator. */
    public List<Followed> following(String unit, String indicator) {
        return getEntityManager().createQuery("select t, p from Target t, Plan p where p.id = t.planId"
                        + " and p.unitCode = :unit and t.indicatorCode = :indicator order by t.id", Object[].class)
                .setParameter("unit", unit).setParameter("indicator", indicator).getResultList().stream()
                .map(row -> new Followed((Target) row[0], (Plan) row[1])).toList();
    }

    public List<Target> ofPlan(long planId) {
        return list("planId = ?1 order by id", planId);
    }
}
