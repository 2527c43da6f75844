package vn.nangsuat.indicator.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.indicator.domain.ObservationRegistry;
import vn.nangsuat.rules.ObservationStatus;

@Schema(name = "ObservationRequest", description = "A value of an indicator for a unit and period")
public record ObservationRequest(
        @NotNull @Schema(description = "In the indicator's unit; at most 6 decimals", examples = "186000.5") BigDecimal value,
        @NotNull @Schema(examples = "PRELIMINARY") ObservationStatus status,
        @Size(max = 200) @Schema(nullable = true, examples = "Niên giám thống kê 2024") String source,
        @Size(max = 1000) @Schema(nullable = true) String note) {

    ObservationRegistry.Value toValue() {
        return new ObservationRegistry.Value(value, status, source, note);
    }
}
