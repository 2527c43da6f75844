package vn.nangsuat.kit.security;

import java.time.LocalDate;
import java.util.Set;

/**
 * Who keeps a former unit's history: since 1 July 2025 there is no Bắc Kạn office; the new Thái Nguyên's keeps
 * Bắc Kạn's values. Given by the services that hold the units' lineage (province-replica's replica of it).
 */
public interface FormerUnits {

    /**
     * Whether the unit, as it stood on the day, later became (part of) one of the given units: a unit that had ceased
     * by then, or stands still, is kept by nobody else.
     */
    boolean keptBy(String unitCode, LocalDate day, Set<String> keepers);
}
