package vn.nangsuat.indicator.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import vn.nangsuat.indicator.api.Indicator;
import vn.nangsuat.indicator.api.IndicatorMapper;
import vn.nangsuat.indicator.domain.Direction;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.rules.Aggregation;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Periodicity;
import vn.nangsuat.rules.Prices;

/**
 * What indicator-service publishes about definitions, through the outbox in the caller's transaction, on
 * `indicator.events` keyed by the indicator's code. Each payload carries the definition as `GET
 * /api/v1/indicators/{code}` shows it, with its `revision`, in a record of its own (never the REST answer, so the API
 * can change without changing what consumers read). `/asyncapi.yaml` documents them; a test holds it to these records.
 */
@ApplicationScoped
public class IndicatorEvents {

    /** An indicator was added to the catalogue. */
    public record Defined(Definition indicator, int revision) {
    }

    /** A definition was corrected: `previous` is what it replaced. */
    public record Changed(Definition previous, Definition current, int revision) {
    }

    /** A definition as events carry it; members that do not apply (prices, the parts of a ratio, ...) are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Definition(String code, String name, String nameVi, String unit, Periodicity periodicity, int decimals,
            Direction better, Aggregation aggregation, OverTime overTime, Prices prices, String numerator,
            String denominator, String base, String description) {

        static Definition of(IndicatorDefinition definition) {
            Indicator indicator = IndicatorMapper.toResponse(definition);
            return new Definition(indicator.code(), indicator.name(), indicator.nameVi(), indicator.unit(),
                    indicator.periodicity(), indicator.decimals(), indicator.better(), indicator.aggregation(),
                    indicator.overTime(), indicator.prices(), indicator.numerator(), indicator.denominator(),
                    indicator.base(), indicator.description());
        }
    }

    private final Outbox outbox;

    public IndicatorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void defined(IndicatorDefinition definition) {
        outbox.publish(IndicatorCatalog.AGGREGATE, definition.code, "indicator.defined",
                new Defined(Definition.of(definition), definition.rowVersion));
    }

    public void changed(IndicatorDefinition previous, IndicatorDefinition current) {
        outbox.publish(IndicatorCatalog.AGGREGATE, current.code, "indicator.changed",
                new Changed(Definition.of(previous), Definition.of(current), current.rowVersion));
    }
}
