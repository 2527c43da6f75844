package vn.nangsuat.province.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.cache.Snapshot;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.province.events.ProvinceEvents;

/**
 * Reads of the provincial units as they stood on a date. Units change a few times a year, so every read is
 * answered from a snapshot of all versions, aliases and links in memory, loaded again after each write of this
 * instance and each `province` event of another (see service-kit Snapshots).
 */
@Startup  // made at start, so its snapshot is loaded then, never by a request
@ApplicationScoped
public class ProvinceCatalog {

    /** How a list of units can be ordered: by code or by name (marks ignored, then code), either way round. */
    public enum Order {
        CODE(Comparator.comparing((UnitVersion v) -> v.code)),
        NAME(Comparator.comparing((UnitVersion v) -> v.searchKey).thenComparing(v -> v.code));

        final Comparator<UnitVersion> ascending;

        Order(Comparator<UnitVersion> ascending) {
            this.ascending = ascending;
        }
    }

    private final Snapshot<ProvinceData> data;

    public ProvinceCatalog(UnitVersionRepository versions, UnitLineageRepository lineage, UnitAliasRepository aliases,
            Snapshots snapshots) {
        this.data = snapshots.of("units", () -> new ProvinceData(versions.listAll(), aliases.listAll(), lineage.listAll()),
                ProvinceEvents.AGGREGATE);
    }

    /** The tag of the data that reads from now on see, for the ETag of a list (see service-kit Snapshot#tag). */
    public String tag() {
        return data.tag();
    }

    /** All versions and links, for lineage and crosswalks. */
    public LineageGraph graph() {
        return data.get().graph();
    }

    /** A unit a list names: in force on the date, or former (ended before it), then with what it is part of now. */
    public record Listed(UnitVersion version, boolean former, List<LineageGraph.Node> successors) {
    }

    /**
     * The units in force on a date that match; and after them the former units that match, when asked for or when
     * a search finds no unit in force (someone typing an old name wants the unit it became).
     */
    public Page<Listed> unitsOn(LocalDate date, Region region, UnitKind kind, String search, Order order,
            boolean descending, boolean includeFormer, PageRequest page) {
        ProvinceData now = data.get();
        Comparator<UnitVersion> sort = descending ? order.ascending.reversed() : order.ascending;
        List<Listed> listed = new ArrayList<>();
        now.unitsOn(date, region, kind, search, sort).forEach(v -> listed.add(new Listed(v, false, List.of())));
        boolean searchFoundNone = listed.isEmpty() && !SearchKeys.normalize(search).isEmpty();
        if (includeFormer || searchFoundNone) {
            now.formerUnitsOn(date, region, kind, search, sort)
                    .forEach(v -> listed.add(new Listed(v, true, now.graph().successorsOn(v.id, date))));
        }
        return Page.slice(listed, page);
    }

    public List<UnitVersion> history(String code) {
        List<UnitVersion> all = data.get().history(code);
        if (all.isEmpty()) {
            throw ProblemException.notFound(new Text("No unit has ever had code " + code,
                    "Chưa từng có đơn vị nào mang mã " + code));
        }
        return all;
    }

    /** A unit as read, with the ETag of its code (the same on every date: see {@link UnitVersion#timelineEtag}). */
    public record TaggedUnit(UnitVersion version, String etag) {
    }

    /** The unit a code named on a date, and its ETag, from one snapshot. */
    public TaggedUnit taggedUnitOn(String code, LocalDate date) {
        ProvinceData now = data.get();
        UnitVersion version = unitOn(now, code, date);
        return new TaggedUnit(version, now.etag(code).orElseThrow());
    }

    public UnitVersion unitOn(String code, LocalDate date) {
        return unitOn(data.get(), code, date);
    }

    private static UnitVersion unitOn(ProvinceData data, String code, LocalDate date) {
        return data.unitOn(code, date)
                .orElseThrow(() -> ProblemException.notFound(new Text("No unit has code " + code + " on " + date,
                        "Không có đơn vị nào mang mã " + code + " vào ngày " + date)));
    }
}
