package vn.nangsuat.province.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;

/** Reads of the provincial units as they stood on a date. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProvinceCatalog {

    private final UnitVersionRepository versions;
    private final UnitLineageRepository lineage;

    public ProvinceCatalog(UnitVersionRepository versions, UnitLineageRepository lineage) {
        this.versions = versions;
        this.lineage = lineage;
    }

    /** All versions and links: about a hundred of each, read whole for lineage and crosswalks. */
    public LineageGraph graph() {
        List<LineageGraph.Node> nodes = versions.listAll().stream()
                .map(v -> new LineageGraph.Node(v.id, v.code, v.name, v.validFrom, v.validTo)).toList();
        return new LineageGraph(nodes, lineage.listAll());
    }

    public Page<UnitVersion> unitsOn(LocalDate date, Region region, UnitKind kind, String search,
            UnitVersionRepository.Order order, boolean descending, PageRequest page) {
        var query = versions.validOn(date, region, kind, search, order, descending);
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    public List<UnitVersion> history(String code) {
        var all = versions.history(code);
        if (all.isEmpty()) {
            throw ProblemException.notFound("No unit has ever had code " + code);
        }
        return all;
    }

    /** The ETag of the unit's resource, whatever the date read: see {@link UnitVersionRepository#timelineEtag}. */
    public String etag(String code) {
        return versions.timelineEtag(code);
    }

    public UnitVersion unitOn(String code, LocalDate date) {
        return versions.findValid(code, date)
                .orElseThrow(() -> ProblemException.notFound("No unit has code " + code + " on " + date));
    }
}
