package vn.nangsuat.indicator.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.kit.web.CsvExport;

@Schema(name = "AggregateSeries", description = "An indicator for the country or a region, period by period, oldest first")
public record AggregateSeriesView(List<AggregateView> items) implements CsvExport {

    @Override
    public List<?> csvRows() {
        return items;
    }
}
