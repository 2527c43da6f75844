package vn.nangsuat.indicator.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class IndicatorDefinitionRepository implements PanacheRepositoryBase<IndicatorDefinition, String> {

    /** The definition, locked until the transaction ends, so two corrections are checked one after the other. */
    public Optional<IndicatorDefinition> findForUpdate(String code) {
        // Native: Hibernate's MySQL dialect may write `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM indicator_definition WHERE code = ?1 FOR UPDATE", IndicatorDefinition.class)
                .setParameter(1, code).getResultList();
        return rows.stream().map(IndicatorDefinition.class::cast).findFirst();
    }
}
