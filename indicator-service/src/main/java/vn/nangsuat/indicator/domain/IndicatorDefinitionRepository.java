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

    /** The definitions indicator.events has never carried, locked, so two instances starting at once announce each once. */
    public List<IndicatorDefinition> unannouncedForUpdate() {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM indicator_definition WHERE announced = FALSE ORDER BY code FOR UPDATE", IndicatorDefinition.class)
                .getResultList().stream().map(IndicatorDefinition.class::cast).toList();
    }

    /** Marks them announced without a new row version: their state, and so their ETag, is unchanged. */
    public void markAnnounced(List<IndicatorDefinition> announced) {
        if (!announced.isEmpty()) {
            getEntityManager().createNativeQuery("UPDATE indicator_definition SET announced = TRUE WHERE code IN (?1)")
                    .setParameter(1, announced.stream().map(definition -> definition.code).toList()).executeUpdate();
        }
    }
}
