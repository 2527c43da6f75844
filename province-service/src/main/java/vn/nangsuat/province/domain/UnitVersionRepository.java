package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UnitVersionRepository implements PanacheRepository<UnitVersion> {

    /** Every version a code has named, oldest first. */
    public List<UnitVersion> history(String code) {
        return list("code", Sort.by("validFrom"), code);
    }

    /** The version of a code still in force (no end date), locked for the transaction's update. */
    public Optional<UnitVersion> findOpenForUpdate(String code) {
        // Native: Hibernate's MySQL dialect writes `FOR UPDATE OF <alias>`, which MariaDB does not accept.
        List<?> rows = getEntityManager()
                .createNativeQuery("SELECT * FROM unit_version WHERE code = ?1 AND valid_to IS NULL FOR UPDATE", UnitVersion.class)
                .setParameter(1, code).getResultList();
        return rows.stream().map(UnitVersion.class::cast).findFirst();
    }

    /** Whether any version of the code is valid on or after the date: a new version from then would overlap. */
    public boolean anyValidOnOrAfter(String code, LocalDate date) {
        return count("code = ?1 and (validTo is null or validTo >= ?2)", code, date) > 0;
    }

    /** The ETag of the code as it stands in this transaction: see {@link UnitVersion#timelineEtag}. */
    public String timelineEtag(String code) {
        return UnitVersion.timelineEtag(code, history(code));
    }
}
