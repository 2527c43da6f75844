package vn.nangsuat.plan.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nangsuat.plan.domain.Dashboard;
import vn.nangsuat.plan.domain.LegalBasis;
import vn.nangsuat.plan.domain.PlanState;
import vn.nangsuat.plan.domain.ProgressStatus;
import vn.nangsuat.plan.domain.TargetKind;
import vn.nangsuat.plan.domain.TargetRegistry;

@Schema(name = "Dashboard", description = "Every unit in force on a day with its plans and the status of each target")
public record DashboardView(
        @Schema(examples = "2026-11-29") LocalDate day,
        List<UnitRow> units) {

    public static DashboardView of(LocalDate day, List<Dashboard.UnitPlans> rows) {
        return new DashboardView(day, rows.stream().map(row -> new UnitRow(row.unit().code(), row.unit().name(),
                row.plans().stream().map(carried -> new PlanRow(carried.plan().id, carried.plan().unitCode,
                        carried.inherited(), carried.plan().title, carried.plan().legalBasis, carried.plan().state,
                        carried.plan().startYear, carried.plan().endYear,
                        carried.targets().stream().map(DashboardView::targetRow).toList())).toList())).toList());
    }

    private static TargetRow targetRow(TargetRegistry.Set set) {
        return new TargetRow(set.target().id, set.target().indicatorCode, set.target().kind, set.target().targetYear,
                set.progress() == null ? ProgressStatus.NO_DATA : set.progress().status,
                set.progress() == null ? null : set.progress().latestPeriod);
    }

    @Schema(name = "DashboardUnit", description = "A unit in force with the plans it carries")
    public record UnitRow(
            @Schema(examples = "19") String code,
            @Schema(examples = "Thái Nguyên") String name,
            @Schema(description = "Its own plans, then those of the units that became part of it (inherited)")
            List<PlanRow> plans) {
    }

    @Schema(name = "DashboardPlan", description = "A plan in brief")
    public record PlanRow(
            @Schema(examples = "17") long id,
            @Schema(description = "The unit that drafted it, as it was then", examples = "06") String unitCode,
            @Schema(description = "True when a unit that became part of this one drafted it") boolean inherited,
            String title,
            LegalBasis legalBasis,
            PlanState state,
            @Schema(examples = "2021") int startYear,
            @Schema(examples = "2025") int endYear,
            List<TargetRow> targets) {
    }

    @Schema(name = "DashboardTarget", description = "A target in brief")
    public record TargetRow(
            @Schema(examples = "41") long id,
            @Schema(examples = "LABOUR_PRODUCTIVITY_CONSTANT") String indicator,
            TargetKind kind,
            @Schema(examples = "2025") int targetYear,
            @Schema(description = "NO_DATA until first computed") ProgressStatus status,
            @Schema(examples = "2024", nullable = true) String latestPeriod) {
    }
}
