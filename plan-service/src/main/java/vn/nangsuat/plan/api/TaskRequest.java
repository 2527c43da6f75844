package vn.nangsuat.plan.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.TaskRegistry;
import vn.nangsuat.plan.domain.TaskStatus;

/** The bodies of the writes of tasks. */
public final class TaskRequest {

    static final String ONE_LINE = "[^\\r\\n]+";
    /** A key of ValidationMessages.properties (English) and ValidationMessages_vi.properties. */
    static final String ONE_LINE_EXPECTED = "{text.oneLine}";

    private TaskRequest() {
    }

    @Schema(name = "NewTask", description = "A task of a plan, within the plan's years")
    public record NewTask(
            @NotBlank @Size(max = 500) @Schema(examples = "Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất") String title,
            @NotBlank @Size(max = 200) @Schema(examples = "Sở Khoa học và Công nghệ") String leadAgency,
            @Size(max = 10) @Schema(nullable = true)
            List<@NotBlank @Size(max = 190) @Pattern(regexp = ONE_LINE, message = ONE_LINE_EXPECTED) String> partnerAgencies,
            @NotNull @Schema(examples = "2022-01-01") LocalDate startDate,
            @NotNull @Schema(examples = "2023-12-31") LocalDate endDate,
            @DecimalMin("0") @Digits(integer = 20, fraction = 0) @Schema(description = "VND", nullable = true) BigDecimal budget,
            @Schema(description = "Default NOT_STARTED", nullable = true) TaskStatus status,
            @Min(0) @Max(100) @Schema(description = "Default 0", nullable = true) Integer percentDone) {

        TaskRegistry.TaskDetails toDetails() {
            return new TaskRegistry.TaskDetails(title, leadAgency, partnerAgencies, startDate, endDate, budget, status,
                    percentDone);
        }
    }

    @Schema(name = "TaskCorrection", description = "Changes of a task; fields left out keep their value")
    public record TaskCorrection(
            @Size(min = 1, max = 500) @Schema(nullable = true) String title,
            @Size(min = 1, max = 200) @Schema(nullable = true) String leadAgency,
            @Size(max = 10) @Schema(nullable = true)
            List<@NotBlank @Size(max = 190) @Pattern(regexp = ONE_LINE, message = ONE_LINE_EXPECTED) String> partnerAgencies,
            @Schema(nullable = true) LocalDate startDate,
            @Schema(nullable = true) LocalDate endDate,
            @DecimalMin("0") @Digits(integer = 20, fraction = 0) @Schema(nullable = true) BigDecimal budget,
            @Schema(nullable = true) TaskStatus status,
            @Min(0) @Max(100) @Schema(nullable = true) Integer percentDone) {

        TaskRegistry.TaskDetails toDetails() {
            return new TaskRegistry.TaskDetails(title, leadAgency, partnerAgencies, startDate, endDate, budget, status,
                    percentDone);
        }
    }
}
