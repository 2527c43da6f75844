package vn.nangsuat.province.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the seed files (the 63 units of 2004, changes that keep a territory, the 34 units of 2025 with their
 * predecessors) into unit versions and the lineage between them. Pure: no database, so it is tested alone.
 */
public final class SeedPlan {

    /** The 2025 reorganisation (Resolution 202/2025/QH15) took effect on this date. */
    public static final LocalDate REORGANISATION_2025 = LocalDate.of(2025, 7, 1);

    public record Unit2004(String code, String name, UnitKind kind, Region region, LocalDate validFrom) {
    }

    public record Change(String code, LocalDate effective, String name, UnitKind kind) {
    }

    public record Unit2025(String code, String name, UnitKind kind, List<String> predecessors) {
    }

    /** A version to insert; `key` identifies it within the plan only. */
    public record Version(int key, String code, String name, UnitKind kind, Region region, boolean regionDerived,
            LocalDate validFrom, LocalDate validTo) {

        Version closedOn(LocalDate lastDay) {
            return new Version(key, code, name, kind, region, regionDerived, validFrom, lastDay);
        }
    }

    /** MERGE: several units became one; CHANGE: one unit renamed or changed kind on the same territory. */
    public enum LinkKind { MERGE, CHANGE }

    public record Link(int predecessorKey, int successorKey, LocalDate effective, LinkKind kind) {
    }

    private final List<Version> versions = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    /** The open (not yet closed) version of each code. */
    private final Map<String, Version> open = new LinkedHashMap<>();

    private SeedPlan() {
    }

    public static SeedPlan build(List<Unit2004> units2004, List<Change> changes, List<Unit2025> units2025) {
        SeedPlan plan = new SeedPlan();
        units2004.forEach(plan::add2004);
        changes.stream().sorted(Comparator.comparing(Change::effective)).forEach(plan::apply);
        plan.reorganise(units2025);
        return plan;
    }

    public List<Version> versions() {
        return versions.stream().sorted(Comparator.comparing(Version::key)).toList();
    }

    public List<Link> links() {
        return List.copyOf(links);
    }

    private void add2004(Unit2004 unit) {
        if (open.containsKey(unit.code())) {
            throw new IllegalArgumentException("code " + unit.code() + " appears twice in the 2004 units");
        }
        Version version = new Version(versions.size() + 1, unit.code(), unit.name(), unit.kind(), unit.region(),
                false, unit.validFrom(), null);
        versions.add(version);
        open.put(unit.code(), version);
    }

    private void apply(Change change) {
        Version current = requireOpen(change.code(), "change of " + change.effective());
        close(current, change.effective());
        Version next = new Version(versions.size() + 1, change.code(), change.name(), change.kind(),
                current.region(), current.regionDerived(), change.effective(), null);
        versions.add(next);
        open.put(change.code(), next);
        links.add(new Link(current.key(), next.key(), change.effective(), LinkKind.CHANGE));
    }

    private void reorganise(List<Unit2025> units2025) {
        Map<String, String> successorOf = new HashMap<>();
        for (Unit2025 unit : units2025) {
            for (String predecessor : unit.predecessors()) {
                String earlier = successorOf.put(predecessor, unit.code());
                if (earlier != null) {
                    throw new IllegalArgumentException("unit " + predecessor + " is a predecessor of both "
                            + earlier + " and " + unit.code());
                }
            }
        }
        List<String> unaccounted = open.keySet().stream().filter(code -> !successorOf.containsKey(code)).toList();
        if (!unaccounted.isEmpty()) {
            throw new IllegalArgumentException("units with no successor in 2025: " + unaccounted);
        }
        Map<String, Version> before = new LinkedHashMap<>(open);
        for (Unit2025 unit : units2025) {
            List<Version> predecessors = unit.predecessors().stream()
                    .map(code -> requireIn(before, code, "predecessor of " + unit.code())).toList();
            Version host = before.getOrDefault(unit.code(), predecessors.get(0));
            boolean unchanged = predecessors.size() == 1 && predecessors.get(0) == host
                    && host.name().equals(unit.name()) && host.kind() == unit.kind();
            if (unchanged) {
                continue;
            }
            Version next = new Version(versions.size() + 1, unit.code(), unit.name(), unit.kind(), host.region(),
                    predecessors.size() > 1 || host.regionDerived(), REORGANISATION_2025, null);
            versions.add(next);
            LinkKind kind = predecessors.size() > 1 ? LinkKind.MERGE : LinkKind.CHANGE;
            for (Version predecessor : predecessors) {
                close(predecessor, REORGANISATION_2025);
                links.add(new Link(predecessor.key(), next.key(), REORGANISATION_2025, kind));
            }
        }
    }

    private void close(Version version, LocalDate effective) {
        versions.set(version.key() - 1, version.closedOn(effective.minusDays(1)));
    }

    private Version requireOpen(String code, String context) {
        return requireIn(open, code, context);
    }

    private static Version requireIn(Map<String, Version> versions, String code, String context) {
        Version version = versions.get(code);
        if (version == null) {
            throw new IllegalArgumentException("no unit " + code + " for the " + context);
        }
        return version;
    }
}
