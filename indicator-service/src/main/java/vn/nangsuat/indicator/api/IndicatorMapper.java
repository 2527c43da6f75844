package vn.nangsuat.indicator.api;

import vn.nangsuat.indicator.domain.IndicatorDefinition;

public final class IndicatorMapper {

    private IndicatorMapper() {
    }

    public static Indicator toResponse(IndicatorDefinition definition) {
        return new Indicator(definition.code, definition.name, definition.nameVi, definition.unit,
                definition.periodicity, definition.decimals, definition.better, definition.aggregation, definition.overTime,
                definition.prices, definition.numeratorCode, definition.denominatorCode, definition.baseCode, definition.description);
    }
}
