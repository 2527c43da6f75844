package vn.nangsuat.provincereplica;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import vn.nangsuat.kit.security.FormerUnits;

/** Who keeps a former unit's history, by the lineage this service's replica holds: forward from the unit as it stood. */
@ApplicationScoped
public class ReplicaFormerUnits implements FormerUnits {

    private final ProvinceReplica units;

    public ReplicaFormerUnits(ProvinceReplica units) {
        this.units = units;
    }

    @Override
    public boolean keptBy(String unitCode, LocalDate day, Set<String> keepers) {
        ReplicaUnit version = units.unitOn(unitCode, day).orElse(null);
        if (version == null || version.validTo() == null) {
            return false;
        }
        Deque<ReplicaUnit> later = new ArrayDeque<>(Set.of(version));
        Set<ReplicaUnit> seen = new HashSet<>();
        while (!later.isEmpty()) {
            ReplicaUnit former = later.pop();
            if (!seen.add(former) || former.validTo() == null) {
                continue;
            }
            for (String successor : units.successorsOf(former)) {
                if (keepers.contains(successor)) {
                    return true;
                }
                units.unitOn(successor, former.validTo().plusDays(1)).ifPresent(later::push);
            }
        }
        return false;
    }
}
