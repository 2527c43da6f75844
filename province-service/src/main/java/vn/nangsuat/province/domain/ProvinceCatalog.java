package vn.nangsuat.province.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import vn.nangsuat.kit.paging.Page;
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

    public Page<UnitVersion> unitsOn(LocalDate date, Region region, UnitKind kind, PageRequest page) {
        var query = versions.validOn(date, region, kind);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    public UnitVersion unitOn(String code, LocalDate date) {
        return versions.findValid(code, date)
                .orElseThrow(() -> ProblemException.notFound("No unit has code " + code + " on " + date));
    }
}
