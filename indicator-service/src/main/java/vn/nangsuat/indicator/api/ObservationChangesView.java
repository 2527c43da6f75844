package vn.nangsuat.indicator.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.ChangeFeed;
import vn.nangsuat.kit.web.CsvExport;

@Schema(name = "ObservationChanges", description = "A page of the change feed: revisions in the order they were recorded,"
        + " deletions included")
public record ObservationChangesView(
        List<ObservationView> items,
        @Schema(description = "Send as `cursor` for the next page (also when this one is empty: poll with it later)",
                examples = "MXwyMDI2LTExLTI5VDA4OjAwOjAwWnwxOXxHUkRQfDIwMjR8Mg") String next,
        @Schema(description = "Whether more revisions are there already (then ask again at once)") boolean more,
        @Schema(description = "The feed served revisions recorded before this instant; later ones come once settled")
        Instant until) implements CsvExport {

    @Override
    public List<?> csvRows() {
        return items;
    }


    static ObservationChangesView of(ChangeFeed.Page page) {
        return new ObservationChangesView(page.revisions().stream().map(ObservationView::of).toList(),
                page.next().encode(), page.more(), page.until());
    }
}
