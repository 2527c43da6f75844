package vn.nangsuat.indicator.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.nangsuat.kit.paging.PageRequest;
import vn.nangsuat.kit.problem.ProblemException;

/** Reads of the indicator definitions. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorCatalog {

    private final IndicatorDefinitionRepository definitions;

    public IndicatorCatalog(IndicatorDefinitionRepository definitions) {
        this.definitions = definitions;
    }

    public record Listing(List<IndicatorDefinition> items, long total) {
    }

    public Listing definitions(PageRequest page) {
        var query = definitions.findAll(Sort.by("code"));
        return new Listing(query.page(page.page(), page.size()).list(), query.count());
    }

    public IndicatorDefinition definition(String code) {
        return definitions.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("No indicator has code " + code));
    }
}
