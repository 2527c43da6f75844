package vn.nangsuat.plan.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.LegalBasis;
import vn.nangsuat.plan.domain.PlanState;

@Schema(name = "Plan", description = "A province's productivity plan")
public record PlanView(
        @Schema(examples = "17") long id,
        @Schema(description = "The unit whose plan it is (2004 or 2025 code)", examples = "46") String unitCode,
        @Schema(description = "Its name in the version the plan belongs to (null while the replica lacks it)",
                examples = "Thừa Thiên Huế", nullable = true) String unitName,
        @Schema(description = "First day of that version: a merger later never rewrites whose plan it was",
                examples = "2004-01-01") LocalDate unitValidFrom,
        @Schema(description = "The units that version became part of, when it has ceased; empty while it stands")
        List<String> successorUnits,
        @Schema(examples = "Kế hoạch nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo tỉnh "
                + "Thừa Thiên Huế giai đoạn 2021-2030") String title,
        @Schema(examples = "2021") int startYear,
        @Schema(examples = "2030") int endYear,
        LegalBasis legalBasis,
        @Schema(description = "The approving decision's number", examples = "556/QĐ-UBND", nullable = true)
        String approvalNumber,
        @Schema(description = "The approving decision's date", examples = "2021-03-15", nullable = true)
        LocalDate approvalDate,
        @Schema(examples = "Ủy ban nhân dân tỉnh Thừa Thiên Huế", nullable = true) String approvingAuthority,
        @Schema(examples = "Sở Khoa học và Công nghệ", nullable = true) String leadDepartment,
        @Schema(description = "VND from the state budget", examples = "12000000000", nullable = true) BigDecimal stateBudget,
        @Schema(description = "VND from other sources", examples = "3000000000", nullable = true) BigDecimal otherBudget,
        PlanState state,
        @Schema(description = "The states it may move to now") List<PlanState> allowedTransitions,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows with each change; events carry it", examples = "3") int revision) {
}
