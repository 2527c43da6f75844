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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.LegalBasis;
import vn.nangsuat.plan.domain.PlanRegistry;
import vn.nangsuat.plan.domain.PlanState;

/** The bodies of the writes of plans. */
public final class PlanRequests {

    static final String UNIT = "[0-9]{2}";
    /** The messages are keys of ValidationMessages.properties (English) and ValidationMessages_vi.properties. */
    static final String UNIT_EXPECTED = "{unitCode.twoDigits}";
    /** Plans of Decision 36 run 2021-2030; a few years either side leaves room for earlier and later programmes. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    static final String YEAR_EXPECTED = "{year.range}";

    private PlanRequests() {
    }

    @Schema(name = "NewPlan", description = "A plan drafted for a unit in force in its first year")
    public record NewPlan(
            @NotNull @Pattern(regexp = UNIT, message = UNIT_EXPECTED) @Schema(examples = "46") String unitCode,
            @NotBlank @Size(max = 300)
            @Schema(examples = "Kế hoạch nâng cao năng suất tỉnh Thừa Thiên Huế giai đoạn 2021-2030") String title,
            @NotNull @Min(value = FIRST_YEAR, message = YEAR_EXPECTED) @Max(value = LAST_YEAR, message = YEAR_EXPECTED)
            @Schema(examples = "2021") Integer startYear,
            @NotNull @Min(value = FIRST_YEAR, message = YEAR_EXPECTED) @Max(value = LAST_YEAR, message = YEAR_EXPECTED)
            @Schema(examples = "2030") Integer endYear,
            @NotNull LegalBasis legalBasis,
            @Size(min = 1, max = 60) @Schema(examples = "556/QĐ-UBND", nullable = true) String approvalNumber,
            @Schema(examples = "2021-03-15", nullable = true) LocalDate approvalDate,
            @Size(min = 1, max = 200) @Schema(examples = "Ủy ban nhân dân tỉnh Thừa Thiên Huế", nullable = true)
            String approvingAuthority,
            @Size(min = 1, max = 200) @Schema(examples = "Sở Khoa học và Công nghệ", nullable = true) String leadDepartment,
            @DecimalMin("0") @Digits(integer = 20, fraction = 0)
            @Schema(description = "VND from the state budget", examples = "12000000000", nullable = true)
            BigDecimal stateBudget,
            @DecimalMin("0") @Digits(integer = 20, fraction = 0)
            @Schema(description = "VND from other sources", examples = "3000000000", nullable = true)
            BigDecimal otherBudget) {

        PlanRegistry.Draft toDraft() {
            return new PlanRegistry.Draft(unitCode, title, startYear, endYear, legalBasis, approvalNumber, approvalDate,
                    approvingAuthority, leadDepartment, stateBudget, otherBudget);
        }
    }

    @Schema(name = "PlanCorrection", description = "Corrections of a plan's details; fields left out keep their value. "
            + "The unit is fixed (a plan for another unit is a new plan); the state moves by transitions.")
    public record PlanCorrection(
            @Size(min = 1, max = 300) @Schema(nullable = true) String title,
            @Min(value = FIRST_YEAR, message = YEAR_EXPECTED) @Max(value = LAST_YEAR, message = YEAR_EXPECTED)
            @Schema(nullable = true) Integer startYear,
            @Min(value = FIRST_YEAR, message = YEAR_EXPECTED) @Max(value = LAST_YEAR, message = YEAR_EXPECTED)
            @Schema(nullable = true) Integer endYear,
            @Schema(nullable = true) LegalBasis legalBasis,
            @Size(min = 1, max = 60) @Schema(examples = "556/QĐ-UBND", nullable = true) String approvalNumber,
            @Schema(examples = "2021-03-15", nullable = true) LocalDate approvalDate,
            @Size(min = 1, max = 200) @Schema(nullable = true) String approvingAuthority,
            @Size(min = 1, max = 200) @Schema(nullable = true) String leadDepartment,
            @DecimalMin("0") @Digits(integer = 20, fraction = 0) @Schema(nullable = true) BigDecimal stateBudget,
            @DecimalMin("0") @Digits(integer = 20, fraction = 0) @Schema(nullable = true) BigDecimal otherBudget) {

        PlanRegistry.Correction toCorrection() {
            return new PlanRegistry.Correction(title, startYear, endYear, legalBasis, approvalNumber, approvalDate,
                    approvingAuthority, leadDepartment, stateBudget, otherBudget);
        }
    }

    @Schema(name = "PlanTransitionRequest", description = "Move a plan to another state")
    public record Transition(
            @NotNull @Schema(examples = "SUBMITTED") PlanState to,
            @Size(max = 2000) @Schema(examples = "Submitted to the People's Committee", nullable = true) String comment) {
    }
}
