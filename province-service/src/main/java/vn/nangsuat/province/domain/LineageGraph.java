package vn.nangsuat.province.domain;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.nangsuat.rules.Territory;

/**
 * The versions of all units and the lineage between them, as a graph: who came before and after a version
 * (transitively), and the crosswalk from the units of one date to those of another, which clients use to map
 * their own data across mergers. Pure: built from loaded rows, tested without a database.
 */
public final class LineageGraph {

    /** What a version is, for the graph. */
    public record Node(long id, String code, String name, LocalDate validFrom, LocalDate validTo) {
        boolean validOn(LocalDate date) {
            return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
        }
    }

    public record Edge(Node predecessor, Node successor, LocalDate effectiveDate, UnitLineage.Kind kind) {
    }

    /** How a unit of the first date relates to a unit of the second. */
    public enum Relation {
        /** The same version, unchanged. */
        SAME,
        /** The same territory under a new name or kind. */
        CHANGED,
        /** Merged with others: several units of the first date map to this one. */
        MERGED,
        /** Split: this unit of the first date maps to several. */
        SPLIT,
        /** No unit of the second date covers it (it began after, or ended before, that date). */
        NONE
    }

    public record CrosswalkRow(Node from, Node to, Relation relation) {
    }

    private final Map<Long, Node> nodes = new HashMap<>();
    private final Map<Long, List<Edge>> forward = new HashMap<>();
    private final Map<Long, List<Edge>> backward = new HashMap<>();

    public LineageGraph(List<Node> versions, List<UnitLineage> links) {
        versions.forEach(node -> nodes.put(node.id(), node));
        for (UnitLineage link : links) {
            Node predecessor = nodes.get(link.key.predecessorId());
            Node successor = nodes.get(link.key.successorId());
            Edge edge = new Edge(predecessor, successor, link.effectiveDate, link.kind);
            forward.computeIfAbsent(predecessor.id(), k -> new ArrayList<>()).add(edge);
            backward.computeIfAbsent(successor.id(), k -> new ArrayList<>()).add(edge);
        }
    }

    /** Every edge leading to this version, however far back. */
    public List<Edge> ancestry(long versionId) {
        return walk(versionId, backward, true);
    }

    /** Every edge leading on from this version, however far forward. */
    public List<Edge> descent(long versionId) {
        return walk(versionId, forward, false);
    }

    /** The versions valid on a later date that a version's territory became (what a former unit is part of now). */
    public List<Node> successorsOn(long versionId, LocalDate date) {
        Node start = nodes.get(versionId);
        return start == null ? List.of() : reach(start, date, true).stream().sorted(Comparator.comparing(Node::code)).toList();
    }

    /**
     * For each unit valid on `from`, the units valid on `to` its territory became (or came from, when `to` is
     * earlier), sorted by the codes of both dates.
     */
    public List<CrosswalkRow> crosswalk(LocalDate from, LocalDate to) {
        boolean ahead = !to.isBefore(from);
        List<CrosswalkRow> rows = new ArrayList<>();
        // The provincial units: the country (VN) maps to itself and is no one's predecessor.
        List<Node> starts = nodes.values().stream().filter(node -> node.validOn(from) && !Territory.NATION.equals(node.code()))
                .sorted(Comparator.comparing(Node::code)).toList();
        for (Node start : starts) {
            List<Node> targets = reach(start, to, ahead);
            if (targets.isEmpty()) {
                rows.add(new CrosswalkRow(start, null, Relation.NONE));
                continue;
            }
            for (Node target : targets) {
                rows.add(new CrosswalkRow(start, target, relation(start, target, targets.size(), from, ahead)));
            }
        }
        return rows;
    }

    private Relation relation(Node start, Node target, int targetCount, LocalDate from, boolean ahead) {
        if (target.id() == start.id()) {
            return Relation.SAME;
        }
        if (targetCount > 1) {
            return ahead ? Relation.SPLIT : Relation.MERGED;
        }
        long sources = reach(target, from, !ahead).size();
        if (sources > 1) {
            return ahead ? Relation.MERGED : Relation.SPLIT;
        }
        return Relation.CHANGED;
    }

    /** The versions valid on `date` reached from `start` by following lineage one way. */
    private List<Node> reach(Node start, LocalDate date, boolean ahead) {
        Map<Long, List<Edge>> edges = ahead ? forward : backward;
        Set<Node> found = new LinkedHashSet<>();
        Set<Long> seen = new HashSet<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            if (!seen.add(node.id())) {
                continue;
            }
            if (node.validOn(date)) {
                found.add(node);
                continue;
            }
            for (Edge edge : edges.getOrDefault(node.id(), List.of())) {
                queue.add(ahead ? edge.successor() : edge.predecessor());
            }
        }
        return found.stream().sorted(Comparator.comparing(Node::code)).toList();
    }

    private static List<Edge> walk(long versionId, Map<Long, List<Edge>> edges, boolean backwards) {
        List<Edge> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(versionId));
        while (!queue.isEmpty()) {
            long id = queue.poll();
            if (!seen.add(id)) {
                continue;
            }
            for (Edge edge : edges.getOrDefault(id, List.of())) {
                result.add(edge);
                queue.add(backwards ? edge.predecessor().id() : edge.successor().id());
            }
        }
        result.sort(Comparator.comparing(Edge::effectiveDate).thenComparing(e -> e.predecessor().code())
                .thenComparing(e -> e.successor().code()));
        return result;
    }
}
