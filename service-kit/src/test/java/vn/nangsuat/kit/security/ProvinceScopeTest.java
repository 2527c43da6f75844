package vn.nangsuat.kit.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aClaimWithoutTheEditorRoleGivesNothing() {
        assertFalse(ProvinceScope.allows(Set.of("viewer"), Set.of("38"), "38"));
        assertFalse(ProvinceScope.allows(Set.of(), Set.of("38"), "38"));
    }
}
