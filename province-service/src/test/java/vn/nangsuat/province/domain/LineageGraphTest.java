package vn.nangsuat.province.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lineage of the seed data, built exactly as the service builds it from its tables. */
class LineageGraphTest {

    private static final LocalDate LAST_DAY_OF_63 = LocalDate.of(2025, 6, 30);
    private static final LocalDate FIRST_DAY_OF_34 = LocalDate.of(2025, 7, 1);

    private final LineageGraph graph = seedGraph();

    static LineageGraph seedGraph() {
        SeedPlan plan = SeedFiles.load();
        List<LineageGraph.Node> nodes = plan.versions().stream()
                .map(v -> new LineageGraph.Node(v.key(), v.code(), v.name(), v.validFrom(), v.validTo())).toList();
        List<UnitLineage> links = plan.links().stream().map(link -> {
            UnitLineage lineage = new UnitLineage();
            lineage.key = new UnitLineage.Key((long) link.predecessorKey(), (long) link.successorKey());
            lineage.effectiveDate = link.effective();
            lineage.kind = UnitLineage.Kind.valueOf(link.kind().name());
            return lineage;
        }).toList();
        return new LineageGraph(nodes, links);
    }

    private List<LineageGraph.CrosswalkRow> rowsFrom(List<LineageGraph.CrosswalkRow> rows, String code) {
        return rows.stream().filter(row -> row.from().code().equals(code)).toList();
    }

    @Test
    void everyUnitOf2025JuneMapsToExactlyOneUnitOfJuly() {
        List<LineageGraph.CrosswalkRow> rows = graph.crosswalk(LAST_DAY_OF_63, FIRST_DAY_OF_34);
        assertEquals(63, rows.size());
        assertEquals(63, rows.stream().map(row -> row.from().code()).distinct().count());
        assertTrue(rows.stream().noneMatch(row -> row.to() == null));
        assertEquals(34, rows.stream().map(row -> row.to().code()).distinct().count());
    }

    @Test
    void bacKanMergedIntoThaiNguyenAndThanhHoaStayedTheSame() {
        List<LineageGraph.CrosswalkRow> rows = graph.crosswalk(LAST_DAY_OF_63, FIRST_DAY_OF_34);
        LineageGraph.CrosswalkRow bacKan = rowsFrom(rows, "06").get(0);
        assertEquals("19", bacKan.to().code());
        assertEquals(LineageGraph.Relation.MERGED, bacKan.relation());
        assertEquals(LineageGraph.Relation.SAME, rowsFrom(rows, "38").get(0).relation());
    }

    @Test
    void backwardsTheNewThaiNguyenCameFromTwoUnits() {
        List<LineageGraph.CrosswalkRow> rows = graph.crosswalk(FIRST_DAY_OF_34, LAST_DAY_OF_63);
        assertEquals(63, rows.size(), "the 34 units map back to all 63");
        Set<String> sources = rowsFrom(rows, "19").stream().map(row -> row.to().code()).collect(Collectors.toSet());
        assertEquals(Set.of("06", "19"), sources);
        assertTrue(rowsFrom(rows, "19").stream().allMatch(row -> row.relation() == LineageGraph.Relation.MERGED));
    }

    @Test
    void hueChangedOnTheFirstOfJanuary() {
        List<LineageGraph.CrosswalkRow> rows = graph.crosswalk(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1));
        LineageGraph.CrosswalkRow hue = rowsFrom(rows, "46").get(0);
        assertEquals("Huế", hue.to().name());
        assertEquals(LineageGraph.Relation.CHANGED, hue.relation());
    }

    @Test
    void lineageIsTransitive() {
        // Huế of 2025: came from Thừa Thiên Huế by a CHANGE; nothing after it.
        SeedPlan.Version hue = SeedFiles.load().versions().stream()
                .filter(v -> v.code().equals("46") && v.validFrom().equals(LocalDate.of(2025, 1, 1))).findFirst().orElseThrow();
        var ancestry = graph.ancestry(hue.key());
        assertEquals(1, ancestry.size());
        assertEquals("Thừa Thiên Huế", ancestry.get(0).predecessor().name());
        assertTrue(graph.descent(hue.key()).isEmpty());
    }

    @Test
    void aUnitThatBeganLaterMapsToNothingBackwards() {
        List<LineageGraph.CrosswalkRow> rows = graph.crosswalk(LAST_DAY_OF_63, LocalDate.of(2003, 1, 1));
        assertTrue(rows.stream().allMatch(row -> row.relation() == LineageGraph.Relation.NONE));
    }
}
