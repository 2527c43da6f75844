package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ReorganizationRepository implements PanacheRepository<RecordedReorganization> {

    /** The last reorganisation recorded and not reverted, locked: only it may be reverted, by one admin at a time. */
    public Optional<RecordedReorganization> lastStandingForUpdate() {
        // Native, as in UnitVersionRepository: Hibernate's MySQL dialect writes `FOR UPDATE OF <alias>`, which MariaDB refuses.
        return getEntityManager().createNativeQuery("SELECT * FROM reorganization WHERE reverted_at IS NULL"
                        + " ORDER BY id DESC LIMIT 1 FOR UPDATE", RecordedReorganization.class)
                .getResultList().stream().map(RecordedReorganization.class::cast).findFirst();
    }
}
