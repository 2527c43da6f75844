package vn.nangsuat.plan.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.Task;
import vn.nangsuat.plan.domain.TaskStatus;

@Schema(name = "Task", description = "A task (nhiệm vụ) of a plan, with how far along it should be by today")
public record TaskView(
        @Schema(examples = "88") long id,
        @Schema(examples = "17") long planId,
        @Schema(examples = "Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất") String title,
        @Schema(examples = "Sở Khoa học và Công nghệ") String leadAgency,
        @Schema(examples = "[\"Sở Công Thương\", \"Hiệp hội Doanh nghiệp tỉnh\"]") List<String> partnerAgencies,
        @Schema(examples = "2022-01-01") LocalDate startDate,
        @Schema(examples = "2023-12-31") LocalDate endDate,
        @Schema(description = "VND", examples = "800000000", nullable = true) BigDecimal budget,
        TaskStatus status,
        @Schema(examples = "40") int percentDone,
        @Schema(description = "The share of its time passed by today: what % done it should be", examples = "75")
        int expectedPercent,
        @Schema(description = "Open after its end date") boolean overdue,
        @Schema(description = "Open, not overdue, more than " + Task.LAG_TOLERANCE + " points behind expectedPercent")
        boolean lagging,
        Instant updatedAt,
        @Schema(examples = "2") int revision) {

    public static TaskView of(Task task, LocalDate today) {
        return new TaskView(task.id, task.planId, task.title, task.leadAgency, task.partnerAgencies, task.startDate,
                task.endDate, task.budget, task.status, task.percentDone, task.expectedPercent(today),
                task.overdue(today), task.lagging(today), task.updatedAt, task.rowVersion);
    }
}
