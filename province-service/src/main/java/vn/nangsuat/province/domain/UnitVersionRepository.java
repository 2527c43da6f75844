package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.nangsuat.kit.web.Preconditions;

@ApplicationScoped
public class UnitVersionRepository implements PanacheRepository<UnitVersion> {

    private static final String VALID_ON = "validFrom <= :date and (validTo is null or validTo >= :date)";

    /** How a list of units can be ordered: by code or by name (marks ignored), either way round. */
    public enum Order {
        CODE("code"), NAME("searchKey");

        final String property;

        Order(String property) {
            this.property = property;
        }
    }

    /**
     * The units valid on a date, optionally of a region or kind, and matching a search: the search form of
     * the name contains the query's, or one of the code's aliases begins with the query (both without marks).
     */
    public PanacheQuery<UnitVersion> validOn(LocalDate date, Region region, UnitKind kind, String search,
            Order order, boolean descending) {
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
        if (search != null && !SearchKeys.normalize(search).isEmpty()) {
            query.append(" and (searchKey like :name or code in"
                    + " (select a.key.code from UnitAlias a where a.key.aliasKey like :alias))");
            // Search keys hold only a-z, 0-9 and spaces, so no LIKE wildcard can come from the query.
            parameters.and("name", "%" + SearchKeys.normalize(search) + "%");
            parameters.and("alias", SearchKeys.compact(search) + "%");
        }
        Sort sort = Sort.by(order.property, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        if (order != Order.CODE) {
            sort = sort.and("code");
        }
        return find(query.toString(), sort, parameters);
    }

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

    /**
     * The entity tag of everything a code has named: any change to any of its versions (a new one, one closed,
     * one scheduled for a later date) changes it. A read of the unit on any date carries it, and a write checks it,
     * so the tag a plain read returns is always one the write accepts until someone else changes the code.
     */
    public String timelineEtag(String code) {
        List<Object[]> rows = getEntityManager().createQuery(
                "select v.id, v.rowVersion from UnitVersion v where v.code = :code order by v.validFrom", Object[].class)
                .setParameter("code", code).getResultList();
        Object[] parts = new Object[rows.size() * 2 + 1];
        parts[0] = code;
        for (int i = 0; i < rows.size(); i++) {
            parts[2 * i + 1] = rows.get(i)[0];
            parts[2 * i + 2] = rows.get(i)[1];
        }
        return Preconditions.etag(parts);
    }

    public Optional<UnitVersion> findValid(String code, LocalDate date) {
        return find("code = :code and " + VALID_ON, Parameters.with("code", code).and("date", date))
                .firstResultOptional();
    }
}
