package vn.nangsuat.province.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
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

    public Optional<UnitVersion> findValid(String code, LocalDate date) {
        return find("code = :code and " + VALID_ON, Parameters.with("code", code).and("date", date))
                .firstResultOptional();
    }
}
