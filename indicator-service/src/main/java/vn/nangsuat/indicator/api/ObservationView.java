package vn.nangsuat.indicator.api;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.Observation;
import vn.nangsuat.rules.ObservationStatus;

@Schema(name = "Observation", description = "One revision of a value of an indicator for a unit and period")
public record ObservationView(
        @Schema(examples = "19") String unit,
        @Schema(examples = "GRDP") String indicator,
        @Schema(examples = "2024") String period,
        @Schema(description = "Null when this revision deleted the value", nullable = true, examples = "186000.5")
        BigDecimal value,
        @Schema(nullable = true) ObservationStatus status,
        @Schema(nullable = true, examples = "Niên giám thống kê 2024") String source,
        @Schema(nullable = true) String note,
        @Schema(description = "1 for the first value, then one more for each correction or deletion", examples = "1")
        int revision,
        @Schema(description = "True when this revision deleted the value") boolean deleted,
        @Schema(description = "Who recorded it (the token's subject)", examples = "thainguyen-stats") String recordedBy,
        Instant recordedAt,
        @Schema(description = "When the next revision replaced it; null while current", nullable = true)
        Instant supersededAt) {

    static ObservationView of(Observation observation) {
        BigDecimal value = Decimals.plain(observation.value);
        return new ObservationView(observation.id.unitCode(), observation.id.indicatorCode(), observation.id.period(),
                value, observation.status, observation.source, observation.note, observation.id.revision(),
                observation.deleted(), observation.recordedBy, observation.recordedAt, observation.supersededAt);
    }
}
