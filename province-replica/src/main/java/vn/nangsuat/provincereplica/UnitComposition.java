package vn.nangsuat.provincereplica;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.rules.Period;
import vn.nangsuat.rules.Territory;

/**
 * Which units' values make up a unit version for a period: the rule that keeps a series comparable across the 2025
 * mergers, written once for every service that harmonises. A period belongs to the units in force on its last day;
 * before the version took its form, it is made of the units it came from (and they of theirs), as long as each of
 * them went whole into it. A unit split between several successors cannot be apportioned; a version is never split
 * back onto the units it replaced.
 */
public final class UnitComposition implements Territory {

    private final ProvinceReplica units;
    private final ReplicaUnit target;
    private final TreeSet<String> codes = new TreeSet<>();
    private final Map<ReplicaUnit, List<ReplicaUnit>> predecessors = new HashMap<>();

    /** Reads the version's lineage back to the units it came from, once. */
    public UnitComposition(ProvinceReplica units, ReplicaUnit target) {
        this.units = units;
        this.target = target;
        walk(target);
    }

    public ReplicaUnit target() {
        return target;
    }

    @Override
    public String code() {
        return target.code();
    }

    @Override
    public Parts in(Period period) {
        return on(period.lastDay(), period.toString());
    }

    /** Every code that may make up the version in some period: its own and its predecessors', earlier and earlier. */
    public Set<String> codes() {
        return Collections.unmodifiableSortedSet(codes);
    }

    /**
     * @param lastDay the last day of the period
     * @param period the period as the answer names it (in a reason)
     */
    public Parts on(LocalDate lastDay, String period) {
        return parts(target, lastDay, period);
    }

    private void walk(ReplicaUnit version) {
        codes.add(version.code());
        if (!predecessors.containsKey(version)) {
            List<ReplicaUnit> before = units.predecessorsOf(version);
            predecessors.put(version, before);
            before.forEach(this::walk);
        }
    }

    private Parts parts(ReplicaUnit version, LocalDate lastDay, String period) {
        if (!version.validFrom().isAfter(lastDay)) {
            return version.validTo() == null || !version.validTo().isBefore(lastDay)
                    ? Parts.of(Set.of(version.code())) : Parts.none(version.code() + " had ceased by " + lastDay);
        }
        List<ReplicaUnit> before = predecessors.getOrDefault(version, List.of());
        if (before.isEmpty()) {
            return Parts.none(version.code() + " (" + version.name() + ") began on " + version.validFrom()
                    + ", after " + period + ", and was made of no earlier unit");
        }
        Set<String> made = new TreeSet<>();
        for (ReplicaUnit predecessor : before) {
            List<String> successors = units.successorsOf(predecessor);
            if (successors.size() > 1) {
                return Parts.none(predecessor.code() + " (" + predecessor.name() + ") was split between "
                        + String.join(", ", successors) + ": its values cannot be apportioned");
            }
            Parts part = parts(predecessor, lastDay, period);
            if (!part.known()) {
                return part;
            }
            made.addAll(part.codes());
        }
        return Parts.of(made);
    }
}
