package vn.nangsuat.indicator.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.cache.Snapshot;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.kit.paging.Page;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * Reads of the indicator definitions. They change a few times a year, so reads are answered from a snapshot in
 * memory, loaded again after each change of a definition (see service-kit Snapshots).
 */
@Startup  // made at start, so its snapshot is loaded then, never by a request
@ApplicationScoped
public class IndicatorCatalog {

    /** The aggregate type of definition events; snapshots of definitions follow it. */
    public static final String AGGREGATE = "indicator-definition";

    private final Snapshot<Map<String, IndicatorDefinition>> byCode;

    public IndicatorCatalog(IndicatorDefinitionRepository definitions, Snapshots snapshots) {
        this.byCode = snapshots.of("indicator definitions", () -> definitions.listAll().stream().collect(Collectors.toMap(
                definition -> definition.code, Function.identity(), (a, b) -> a, TreeMap::new)), AGGREGATE);
    }

    /** The tag of the data that reads from now on see, for the ETag of a list (see service-kit Snapshot#tag). */
    public String tag() {
        return byCode.tag();
    }

    public Page<IndicatorDefinition> definitions(PageRequest page) {
        return Page.slice(List.copyOf(byCode.get().values()), page);
    }

    public IndicatorDefinition definition(String code) {
        IndicatorDefinition definition = byCode.get().get(code);
        if (definition == null) {
            throw ProblemException.notFound(new Text("No indicator has code " + code,
                    "Không có chỉ tiêu nào có mã " + code));
        }
        return definition;
    }

    /** The indicator and those it is computed from (a ratio's parts, a growth's base and its parts): what its values read. */
    public Set<String> withParts(IndicatorDefinition indicator) {
        Set<String> codes = new LinkedHashSet<>();
        collect(indicator, codes);
        return codes;
    }

    private void collect(IndicatorDefinition indicator, Set<String> codes) {
        if (!codes.add(indicator.code)) {
            return;
        }
        for (String part : new String[] {indicator.numeratorCode, indicator.denominatorCode, indicator.baseCode}) {
            if (part != null) {
                collect(definition(part), codes);
            }
        }
    }
}
