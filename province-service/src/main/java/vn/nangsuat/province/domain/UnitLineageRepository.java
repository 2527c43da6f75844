package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class UnitLineageRepository implements PanacheRepositoryBase<UnitLineage, UnitLineage.Key> {

    public List<UnitLineage> intoSuccessor(Long successorId) {
        return list("key.successorId", successorId);
    }
}
