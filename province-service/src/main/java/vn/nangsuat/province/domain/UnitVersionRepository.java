package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UnitVersionRepository implements PanacheRepository<UnitVersion> {

    private static final String VALID_ON = "validFrom <= :date and (validTo is null or validTo >= :date)";

    public PanacheQuery<UnitVersion> validOn(LocalDate date, Region region, UnitKind kind) {
        StringBuilder query = new StringBuilder(VALID_ON);
        Parameters parameters = Parameters.with("date", date);
        if (region != null) {
            query.append(" and region = :region");
            parameters.and("region", region);
        }
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.and("kind", kind);
        }
        return find(query.toString(), Sort.by("code"), parameters);
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

    public Optional<UnitVersion> findValid(String code, LocalDate date) {
        return find("code = :code and " + VALID_ON, Parameters.with("code", code).and("date", date))
                .firstResultOptional();
    }
}
