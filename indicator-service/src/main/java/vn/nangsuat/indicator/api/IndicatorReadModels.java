package vn.nangsuat.indicator.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.nangsuat.indicator.domain.Aggregates;
import vn.nangsuat.indicator.domain.Harmonizer;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.ObservationRegistry;
import vn.nangsuat.indicator.events.ObservationEvents;
import vn.nangsuat.kit.cache.ReadModel;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.provincereplica.ProvinceReplica;
import vn.nangsuat.rules.Period;

/**
 * The reads frontends make all day, kept current: a unit's series, its harmonised series, aggregates, aggregate series
 * and cross-sections. Each answer is computed the first time it is read and from then on again whenever a value
 * (recorded, corrected, deleted, imported: observation events), a definition or a unit changes, never at a read. An
 * answer as of an instant ({@code asOf}) is computed at its read and not held: it is read once, and what was settled
 * does not change.
 */
@ApplicationScoped
public class IndicatorReadModels {

    record UnitSeries(String unit, List<String> indicators, Optional<Period> from, Optional<Period> to, Instant asOf) {
    }

    record Harmonized(String unit, List<String> indicators, Optional<Period> from, Optional<Period> to,
            LocalDate harmonize, Instant asOf) {
    }

    record AggregateOf(String indicator, String period, String region, Instant asOf) {
    }

    record AggregateSeries(String indicator, String from, String to, String region, Instant asOf) {
    }

    record CrossSection(String indicator, String period, Instant asOf) {
    }

    private static final String[] RESTS_ON = { ObservationEvents.AGGREGATE, IndicatorCatalog.AGGREGATE,
            ProvinceReplica.AGGREGATE };

    private final ReadModel<UnitSeries, List<ObservationView>> unitSeries;
    private final ReadModel<Harmonized, HarmonizedSeriesView> harmonized;
    private final ReadModel<AggregateOf, AggregateView> aggregates;
    private final ReadModel<AggregateSeries, AggregateSeriesView> aggregateSeries;
    private final ReadModel<CrossSection, CrossSectionView> crossSections;

    private final IndicatorCatalog catalog;

    public IndicatorReadModels(ObservationRegistry registry, Harmonizer harmonizer, Aggregates figures,
            IndicatorCatalog catalog, Snapshots snapshots) {
        this.catalog = catalog;
        this.unitSeries = snapshots.readModel("unit series", key -> registry.series(key.unit(), key.indicators(),
                key.from(), key.to(), key.asOf()).stream().map(ObservationView::of).toList(),
                (UnitSeries key, String type, String id) -> !type.equals(ObservationEvents.AGGREGATE)
                        || key.indicators().stream().anyMatch(indicator -> id.equals(key.unit() + ":" + indicator)),
                RESTS_ON);
        this.harmonized = snapshots.readModel("harmonised series", key -> HarmonizedSeriesView.of(harmonizer.series(
                key.unit(), key.indicators(), key.from(), key.to(), key.harmonize(), key.asOf())),
                (Harmonized key, String type, String id) -> valuesOf(key.indicators(), type, id), RESTS_ON);
        this.aggregates = snapshots.readModel("aggregates", key -> AggregateView.of(figures.of(key.indicator(),
                key.period(), key.region(), key.asOf())),
                (AggregateOf key, String type, String id) -> valuesOf(List.of(key.indicator()), type, id), RESTS_ON);
        this.aggregateSeries = snapshots.readModel("aggregate series", key -> new AggregateSeriesView(figures.series(
                key.indicator(), key.from(), key.to(), key.region(), key.asOf()).stream().map(AggregateView::of).toList()),
                (AggregateSeries key, String type, String id) -> valuesOf(List.of(key.indicator()), type, id), RESTS_ON);
        this.crossSections = snapshots.readModel("cross-sections", key -> CrossSectionView.of(figures.crossSection(
                key.indicator(), key.period(), key.asOf())),
                (CrossSection key, String type, String id) -> valuesOf(List.of(key.indicator()), type, id), RESTS_ON);
    }

    /**
     * Whether an answer on these indicators rests on the aggregate: a value of any of them or of what they are made of
     * (a ratio's parts, a growth's base; an observation's id is `unit:indicator`); every definition and unit change.
     */
    private boolean valuesOf(List<String> indicators, String type, String id) {
        if (!type.equals(ObservationEvents.AGGREGATE)) {
            return true;
        }
        String changed = id.substring(id.indexOf(':') + 1);
        return indicators.stream().anyMatch(code -> catalog.withParts(catalog.definition(code)).contains(changed));
    }

    public Uni<ReadModel.Answer<List<ObservationView>>> unitSeries(UnitSeries key) {
        return read(unitSeries, key, key.asOf());
    }

    public Uni<ReadModel.Answer<HarmonizedSeriesView>> harmonized(Harmonized key) {
        return read(harmonized, key, key.asOf());
    }

    public Uni<ReadModel.Answer<AggregateView>> aggregate(AggregateOf key) {
        return read(aggregates, key, key.asOf());
    }

    public Uni<ReadModel.Answer<AggregateSeriesView>> aggregateSeries(AggregateSeries key) {
        return read(aggregateSeries, key, key.asOf());
    }

    public Uni<ReadModel.Answer<CrossSectionView>> crossSection(CrossSection key) {
        return read(crossSections, key, key.asOf());
    }

    /**
     * The answer held, on the calling thread (the event loop) when it is; a key not held, or a read as of a past
     * instant (computed once from the database), on a worker thread.
     */
    private static <K, V> Uni<ReadModel.Answer<V>> read(ReadModel<K, V> model, K key, Instant asOf) {
        return asOf == null ? model.answer(key) : model.answerOnce(key);
    }
}
