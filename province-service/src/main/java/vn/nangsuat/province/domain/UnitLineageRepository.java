package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class UnitLineageRepository implements PanacheRepositoryBase<UnitLineage, UnitLineage.Key> {

    /** A version that became (part of) another: which, from when, and how. */
    public record Predecessor(String code, LocalDate validFrom, LocalDate effectiveDate, UnitLineage.Kind kind) {
    }

    /** The versions the given version came from, by code. */
    public List<Predecessor> predecessorsOf(UnitVersion successor) {
        return getEntityManager().createQuery(
                "select new vn.nangsuat.province.domain.UnitLineageRepository$Predecessor(v.code, v.validFrom,"
                        + " l.effectiveDate, l.kind) from UnitLineage l, UnitVersion v"
                        + " where l.key.successorId = :successor and v.id = l.key.predecessorId order by v.code",
                Predecessor.class)
                .setParameter("successor", successor.id).getResultList();
    }
}
