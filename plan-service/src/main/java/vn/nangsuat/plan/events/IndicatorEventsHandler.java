package vn.nangsuat.plan.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.events.EventHandler;
import vn.nangsuat.kit.events.UnusableEvent;
import vn.nangsuat.plan.domain.IndicatorReplica;
import vn.nangsuat.plan.domain.ProgressTracker;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Prices;

/**
 * Follows indicator.events: keeps the replica of definitions and values, and recomputes the targets of a series when
 * its values change. Read from the beginning by a new consumer group (the topic is kept for good), so a replica built
 * late converges; each event applied once through the inbox (consumer `indicator-replica`).
 */
@ApplicationScoped
public class IndicatorEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(IndicatorEventsHandler.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Definition(String code, String name, String unit, String periodicity, String better, String aggregation,
            String overTime, String prices, String numerator, String denominator, String base) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Defined(Definition indicator, Definition current, Integer revision) {

        /** indicator.defined carries `indicator`, indicator.changed `current`. */
        Definition definition() {
            return indicator != null ? indicator : current;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String period, BigDecimal value, String status, Integer revision, boolean deleted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeriesChanged(String unit, String indicator, List<Change> changes) {
    }

    private final IndicatorReplica replica;
    private final ProgressTracker tracker;
    private final Snapshots snapshots;
    private final ObjectMapper json;
    private final String topic;

    public IndicatorEventsHandler(IndicatorReplica replica, ProgressTracker tracker, Snapshots snapshots,
            ObjectMapper json,
            @ConfigProperty(name = "indicator-replica.topic", defaultValue = "indicator.events") String topic) {
        this.replica = replica;
        this.tracker = tracker;
        this.snapshots = snapshots;
        this.json = json;
        this.topic = topic;
    }

    @Override
    public String consumer() {
        return "indicator-replica";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        handleAll(List.of(event));
    }

    /**
     * In order; each run of series events in one go (their values in as few statements as the rows allow, their
     * targets found in one), so an import's series cost a few statements per chunk of the consumer.
     */
    @Override
    public void handleAll(List<CloudEvent> events) throws Exception {
        List<IndicatorReplica.Series> run = new ArrayList<>();
        for (CloudEvent event : events) {
            if (event.is("observation.changed")) {
                run.add(series(json.treeToValue(event.data(), SeriesChanged.class)));
                continue;
            }
            change(run);
            run.clear();
            handleOne(event);
        }
        change(run);
    }

    private void handleOne(CloudEvent event) throws Exception {
        if (event.is("indicator.defined") || event.is("indicator.changed")) {
            define(json.treeToValue(event.data(), Defined.class));
        } else {
            // A type this release does not know (a newer version, say): recorded in the inbox, otherwise ignored.
            LOG.debugf("ignoring event type %s", event.type());
        }
    }

    /**
     * Committed: what rests on the replica is computed again; a series event names its indicator, so only what reads
     * that indicator's values moves. A definition may move anything.
     */
    @Override
    public void applied(CloudEvent event) {
        String indicator = event.data() == null ? null : event.data().path("indicator").asText(null);
        if (event.is("observation.changed") && indicator != null) {
            snapshots.invalidate(IndicatorReplica.AGGREGATE, List.of(indicator));
        } else {
            snapshots.invalidate(IndicatorReplica.AGGREGATE);
        }
    }

    private void define(Defined defined) {
        Definition definition = defined.definition();
        if (definition == null || defined.revision() == null || definition.code() == null || definition.name() == null
                || definition.unit() == null || definition.periodicity() == null || definition.better() == null
                || definition.aggregation() == null) {
            throw new UnusableEvent("a definition needs code, name, unit, periodicity, better, aggregation and revision");
        }
        replica.define(new IndicatorReplica.Indicator(definition.code(), definition.name(), definition.unit(),
                definition.periodicity(), definition.better(), definition.aggregation(),
                // None (an older indicator-service's, or not money), or one this release does not know: unknown.
                IndicatorReplica.known(OverTime.class, definition.overTime()).orElse(null),
                IndicatorReplica.known(Prices.class, definition.prices()).orElse(null),
                definition.numerator(), definition.denominator(), definition.base(), defined.revision()));
    }

    private static IndicatorReplica.Series series(SeriesChanged series) {
        if (series.unit() == null || series.indicator() == null || series.changes() == null) {
            throw new UnusableEvent("observation.changed needs unit, indicator and changes");
        }
        List<IndicatorReplica.Change> changes = series.changes().stream().map(change -> {
            if (change.period() == null || change.revision() == null || (!change.deleted() && change.value() == null)) {
                throw new UnusableEvent("a change needs period, revision and, unless deleted, a value: " + change);
            }
            return new IndicatorReplica.Change(change.period(), change.deleted() ? null : change.value(), change.status(),
                    change.revision());
        }).toList();
        return new IndicatorReplica.Series(series.unit(), series.indicator(), changes);
    }

    private void change(List<IndicatorReplica.Series> series) {
        if (series.isEmpty()) {
            return;
        }
        replica.lockSeries(series.stream().map(IndicatorReplica.Series::indicator).toList());
        replica.apply(series);
        tracker.seriesChanged(series);
    }
}
