package vn.nangsuat.province.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;

/** Reads of the provincial units as they stood on a date. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProvinceCatalog {

    private final UnitVersionRepository versions;

    public ProvinceCatalog(UnitVersionRepository versions) {
        this.versions = versions;
    }

    public record Listing(List<UnitVersion> items, long total) {
    }

    public Listing unitsOn(LocalDate date, Region region, UnitKind kind, PageRequest page) {
        var query = versions.validOn(date, region, kind);
        return new Listing(query.page(page.page(), page.size()).list(), query.count());
    }

    public UnitVersion unitOn(String code, LocalDate date) {
        return versions.findValid(code, date)
                .orElseThrow(() -> ProblemException.notFound("No unit has code " + code + " on " + date));
    }
}
