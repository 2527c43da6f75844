package vn.nangsuat.province.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every unit version, alias and link, read whole (about a hundred of each): the read side of province-service,
 * held in memory by {@link ProvinceCatalog} until a write changes it. The versions are detached entities that
 * nothing modifies.
 */
final class ProvinceData {

    private final Map<String, List<UnitVersion>> byCode;
    private final Map<String, String> etags;
    private final List<UnitAlias> aliases;
    private final LineageGraph graph;

    ProvinceData(List<UnitVersion> versions, List<UnitAlias> aliases, List<UnitLineage> links) {
        this.byCode = versions.stream()
                .sorted(Comparator.comparing((UnitVersion v) -> v.code).thenComparing(v -> v.validFrom))
                .collect(Collectors.groupingBy(v -> v.code, Collectors.toList()));
        this.etags = byCode.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> UnitVersion.timelineEtag(e.getKey(), e.getValue())));
        this.aliases = List.copyOf(aliases);
        this.graph = new LineageGraph(versions.stream()
                .map(v -> new LineageGraph.Node(v.id, v.code, v.name, v.validFrom, v.validTo)).toList(), links);
    }

    LineageGraph graph() {
        return graph;
    }

    /** Every version a code has named, oldest first; empty when none. */
    List<UnitVersion> history(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    Optional<String> etag(String code) {
        return Optional.ofNullable(etags.get(code));
    }

    Optional<UnitVersion> unitOn(String code, LocalDate date) {
        return history(code).stream().filter(v -> v.validOn(date)).findFirst();
    }

    /**
     * The units valid on a date, optionally of a region or kind, and matching a search: the search form of the
     * name contains the query's, or one of the code's aliases begins with the query (both without marks).
     */
    List<UnitVersion> unitsOn(LocalDate date, Region region, UnitKind kind, String search, Comparator<UnitVersion> order) {
        return matching(v -> v.validOn(date), region, kind, search, order);
    }

    /** The same for versions that ended before the date: the former units a search may also name. */
    List<UnitVersion> formerUnitsOn(LocalDate date, Region region, UnitKind kind, String search,
            Comparator<UnitVersion> order) {
        return matching(v -> v.validTo != null && v.validTo.isBefore(date), region, kind, search, order);
    }

    private List<UnitVersion> matching(Predicate<UnitVersion> when, Region region, UnitKind kind, String search,
            Comparator<UnitVersion> order) {
        String name = SearchKeys.normalize(search);
        Set<String> aliasCodes = name.isEmpty() ? Set.of() : aliases.stream()
                .filter(alias -> alias.key.aliasKey().startsWith(SearchKeys.compact(search)))
                .map(alias -> alias.key.code()).collect(Collectors.toSet());
        return byCode.values().stream().flatMap(List::stream)
                .filter(when)
                .filter(v -> region == null || v.region == region)
                // The country is listed only when asked for by its kind: the lists are of provincial units.
                .filter(v -> kind == null ? v.kind != UnitKind.COUNTRY : v.kind == kind)
                .filter(v -> name.isEmpty() || v.searchKey.contains(name) || aliasCodes.contains(v.code))
                .sorted(order)
                .toList();
    }
}
