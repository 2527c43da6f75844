package vn.nangsuat.province.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

    private static final LocalDate LAST_DAY_OF_63 = LocalDate.of(2025, 6, 30);
    private static final LocalDate FIRST_DAY_OF_34 = LocalDate.of(2025, 7, 1);

    private final SeedPlan plan = SeedFiles.load();

    private List<SeedPlan.Version> validOn(LocalDate date) {
        return plan.versions().stream()
                .filter(v -> !v.validFrom().isAfter(date) && (v.validTo() == null || !v.validTo().isBefore(date)))
                .toList();
    }

    private SeedPlan.Version only(String code, LocalDate date) {
        List<SeedPlan.Version> matches = validOn(date).stream().filter(v -> v.code().equals(code)).toList();
        assertEquals(1, matches.size(), "versions of " + code + " on " + date);
        return matches.get(0);
    }

    @Test
    void sixtyThreeUnitsUntilTheReorganisationAndThirtyFourFromIt() {
        assertEquals(63, validOn(LAST_DAY_OF_63).size());
        assertEquals(34, validOn(FIRST_DAY_OF_34).size());
        assertEquals(63, validOn(LAST_DAY_OF_63).stream().map(SeedPlan.Version::code).distinct().count());
    }

    @Test
    void everyUnitOf2004HasASuccessorOrContinues() {
        Set<Integer> predecessors = plan.links().stream().map(SeedPlan.Link::predecessorKey).collect(Collectors.toSet());
        for (SeedPlan.Version version : validOn(LAST_DAY_OF_63)) {
            boolean continues = version.validTo() == null;
            assertTrue(continues || predecessors.contains(version.key()), version.code() + " has no successor");
        }
    }

    @Test
    void theSameCodeNamesAnotherTerritoryAfterAMerger() {
        SeedPlan.Version oldThaiNguyen = only("19", LAST_DAY_OF_63);
        SeedPlan.Version newThaiNguyen = only("19", FIRST_DAY_OF_34);
        assertEquals(LAST_DAY_OF_63, oldThaiNguyen.validTo());
        assertEquals(FIRST_DAY_OF_34, newThaiNguyen.validFrom());
        Set<String> merged = plan.links().stream()
                .filter(link -> link.successorKey() == newThaiNguyen.key())
                .map(link -> plan.versions().get(link.predecessorKey() - 1).code())
                .collect(Collectors.toSet());
        assertEquals(Set.of("19", "06"), merged);
        assertTrue(validOn(FIRST_DAY_OF_34).stream().noneMatch(v -> v.code().equals("06")), "Bắc Kạn is gone");
    }

    @Test
    void anUnchangedUnitKeepsOneVersionAcrossTheReorganisation() {
        SeedPlan.Version thanhHoa = only("38", FIRST_DAY_OF_34);
        assertEquals(LocalDate.of(2004, 1, 1), thanhHoa.validFrom());
        assertNull(thanhHoa.validTo());
        assertFalse(thanhHoa.regionDerived());
    }

    @Test
    void hueBecameACentrallyRunCityOnTheFirstOfJanuary2025() {
        SeedPlan.Version before = only("46", LocalDate.of(2024, 12, 31));
        SeedPlan.Version after = only("46", LocalDate.of(2025, 1, 1));
        assertEquals("Thừa Thiên Huế", before.name());
        assertEquals(UnitKind.PROVINCE, before.kind());
        assertEquals("Huế", after.name());
        assertEquals(UnitKind.CITY, after.kind());
        assertEquals(after, only("46", FIRST_DAY_OF_34), "Huế is untouched by the July reorganisation");
    }

    @Test
    void aMergedUnitTakesItsHostsRegionMarkedAsDerived() {
        // New Tây Ninh keeps the code, and so the region, of Long An (80), which hosts its centre.
        SeedPlan.Version tayNinh = only("80", FIRST_DAY_OF_34);
        assertEquals("Tây Ninh", tayNinh.name());
        assertEquals(Region.MEKONG_DELTA, tayNinh.region());
        assertTrue(tayNinh.regionDerived());
    }

    @Test
    void aUnitClaimedByTwoSuccessorsIsRefused() {
        var units2004 = List.of(new SeedPlan.Unit2004("01", "A", UnitKind.PROVINCE, Region.SOUTHEAST, LocalDate.of(2004, 1, 1)));
        var units2025 = List.of(new SeedPlan.Unit2025("01", "A", UnitKind.PROVINCE, List.of("01")),
                new SeedPlan.Unit2025("02", "B", UnitKind.PROVINCE, List.of("01")));
        assertThrows(IllegalArgumentException.class, () -> SeedPlan.build(units2004, List.of(), units2025));
    }

    @Test
    void aUnitWithNoSuccessorIsRefused() {
        var units2004 = List.of(
                new SeedPlan.Unit2004("01", "A", UnitKind.PROVINCE, Region.SOUTHEAST, LocalDate.of(2004, 1, 1)),
                new SeedPlan.Unit2004("02", "B", UnitKind.PROVINCE, Region.SOUTHEAST, LocalDate.of(2004, 1, 1)));
        var units2025 = List.of(new SeedPlan.Unit2025("01", "A", UnitKind.PROVINCE, List.of("01")));
        assertThrows(IllegalArgumentException.class, () -> SeedPlan.build(units2004, List.of(), units2025));
    }
}
