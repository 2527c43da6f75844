package vn.nangsuat.indicator.events;

import jakarta.enterprise.context.ApplicationScoped;
import vn.nangsuat.indicator.api.Indicator;
import vn.nangsuat.indicator.api.IndicatorMapper;
import vn.nangsuat.indicator.domain.IndicatorCatalog;
import vn.nangsuat.indicator.domain.IndicatorDefinition;
import vn.nangsuat.kit.events.Outbox;

/**
 * What indicator-service publishes about definitions, through the outbox in the caller's transaction, on
 * `indicator.events` keyed by the indicator's code. Each payload carries the definition as `GET
 * /api/v1/indicators/{code}` shows it, with its `revision`. Documented in `/asyncapi.yaml`.
 */
@ApplicationScoped
public class IndicatorEvents {

    /** An indicator was added to the catalogue. */
    public record Defined(Indicator indicator, int revision) {
    }

    /** A definition was corrected: `previous` is what it replaced. */
    public record Changed(Indicator previous, Indicator current, int revision) {
    }

    private final Outbox outbox;

    public IndicatorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void defined(IndicatorDefinition definition) {
        outbox.publish(IndicatorCatalog.AGGREGATE, definition.code, "indicator.defined",
                new Defined(IndicatorMapper.toResponse(definition), definition.rowVersion));
    }

    public void changed(IndicatorDefinition previous, IndicatorDefinition current) {
        outbox.publish(IndicatorCatalog.AGGREGATE, current.code, "indicator.changed",
                new Changed(IndicatorMapper.toResponse(previous), IndicatorMapper.toResponse(current), current.rowVersion));
    }
}
