package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class UnitAliasRepository implements PanacheRepositoryBase<UnitAlias, UnitAlias.Key> {
}
