package vn.nangsuat.kit.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may write a province's data: the rule alone, no token machinery. */
class ProvinceScopeTest {

    @Test
    void anAdminMayWriteEveryUnit() {
        assertTrue(ProvinceScope.allows(Set.of("admin"), Set.of(), "38"));
    }

    @Test
    void anEditorMayWriteOnlyTheUnitsOfItsClaim() {
        assertTrue(ProvinceScope.allows(Set.of("province-editor"), Set.of("38", "40"), "40"));
        assertFalse(ProvinceScope.allows(Set.of("province-editor"), Set.of("38"), "01"));
        assertFalse(ProvinceScope.allows(Set.of("province-editor"), Set.of(), "38"));
    }

    @Test
    void theCountrysFiguresAreAnAdminsWhateverTheClaimSays() {
        assertTrue(ProvinceScope.allows(Set.of("admin"), Set.of(), "VN"));
        assertFalse(ProvinceScope.allows(Set.of("province-editor"), Set.of("VN"), "VN"));
        assertFalse(new ProvinceScope.Grant(false, Set.of("VN", "19"), (code, day, keepers) -> true)
                .allows("VN", LocalDate.of(2024, 12, 31)), "not even as a unit another became part of");
    }

    @Test
    void aFormerUnitsValuesAreWrittenByTheEditorsOfTheUnitsItBecamePartOf() {
        FormerUnits bacKanIntoThaiNguyen = (code, day, keepers) -> code.equals("06")
                && !day.isAfter(LocalDate.of(2025, 6, 30)) && keepers.contains("19");
        ProvinceScope.Grant thaiNguyen = new ProvinceScope.Grant(false, Set.of("19"), bacKanIntoThaiNguyen);
        assertTrue(thaiNguyen.allows("06", LocalDate.of(2019, 12, 31)));
        assertFalse(thaiNguyen.allows("06", LocalDate.of(2025, 12, 31)), "nothing after it ceased");
        assertFalse(new ProvinceScope.Grant(false, Set.of("04"), bacKanIntoThaiNguyen)
                .allows("06", LocalDate.of(2019, 12, 31)));
    }

    @Test
    void aClaimWithoutTheEditorRoleGivesNothing() {
        assertFalse(ProvinceScope.allows(Set.of("viewer"), Set.of("38"), "38"));
        assertFalse(ProvinceScope.allows(Set.of(), Set.of("38"), "38"));
    }
}
