package vn.nangsuat.indicator.domain;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.nangsuat.kit.paging.Page;
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

    public Page<IndicatorDefinition> definitions(PageRequest page) {
        var query = definitions.findAll(Sort.by("code"));
        return Page.of(query.page(page.page(), page.size()).list(), page, query.count());
    }

    public IndicatorDefinition definition(String code) {
        return definitions.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("No indicator has code " + code));
    }
}
