package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.security.ProvinceScope;
import vn.nangsuat.rules.OverTime;
import vn.nangsuat.rules.Prices;

/**
 * Setting a plan's targets: each is checked against the indicator's definition as this service's replica holds it,
 * then stored with its progress computed at once from the replica's values, in one transaction.
 */
@ApplicationScoped
@Transactional
public class TargetRegistry {

    /** What a new target says. For GROWTH `targetValue` is in % a year; for CUMULATIVE the total. */
    public record NewTarget(String indicator, TargetKind kind, int baselineYear, BigDecimal baselineValue, int targetYear,
            BigDecimal targetValue) {
    }

    /** A target set, with its progress. */
    public record Set(Target target, TargetProgress progress) {
    }

    private final PlanRepository plans;
    private final TargetRepository targets;
    private final IndicatorReplica indicators;
    private final ProgressTracker tracker;
    private final ProvinceScope scope;

    public TargetRegistry(PlanRepository plans, TargetRepository targets, IndicatorReplica indicators,
            ProgressTracker tracker, ProvinceScope scope) {
        this.plans = plans;
        this.targets = targets;
        this.indicators = indicators;
        this.tracker = tracker;
        this.scope = scope;
    }

    public Set add(long planId, NewTarget request) {
        Plan plan = plans.findForUpdate(planId).orElseThrow(() -> Plans.noSuchPlan(planId));
        scope.requireWrite(plan.unitCode);
        if (plan.state.next().isEmpty()) {
            throw ProblemException.conflict(new Text("Plan " + planId + " is " + plan.state + ": its targets are final",
                    "Kế hoạch " + planId + " ở trạng thái " + plan.state + ": các mục tiêu của kế hoạch đã được chốt"));
        }
        String requested = request.indicator();
        IndicatorReplica.Indicator indicator = indicators.indicator(requested)
                .orElseThrow(() -> ProblemException.invalid("indicator", new Text(requested
                        + " names no indicator this service knows of (from indicator.events)", requested
                        + " không phải mã của chỉ tiêu nào mà dịch vụ này biết (từ indicator.events)")));
        // A value of the series (or of a part of the ratio) applied meanwhile waits, or is seen: never missed.
        indicators.lockSeries(indicators.rulesWithParts(indicator.code()).keySet());
        Target target = new Target();
        target.planId = planId;
        target.indicatorCode = indicator.code();
        target.kind = request.kind();
        target.better = betterOf(indicator);
        target.baselineYear = request.baselineYear();
        target.baselineValue = request.baselineValue();
        target.targetYear = request.targetYear();
        target.targetValue = request.targetValue();
        target.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        requireFit(target, indicator, plan);
        if (targets.count("planId = ?1 and indicatorCode = ?2 and kind = ?3", planId, target.indicatorCode, target.kind) > 0) {
            throw ProblemException.conflict(new Text("Plan " + planId + " already has a " + target.kind + " target on "
                    + target.indicatorCode + ": a plan has one target per indicator and kind",
                    "Kế hoạch " + planId + " đã có một mục tiêu " + target.kind + " cho chỉ tiêu " + target.indicatorCode
                    + ": mỗi kế hoạch chỉ có một mục tiêu cho mỗi chỉ tiêu và mỗi loại"));
        }
        // The unique key refuses a concurrent twin that passed this check too (409).
        targets.persistAndFlush(target);
        return new Set(target, tracker.recompute(target, plan));
    }

    private static Better betterOf(IndicatorReplica.Indicator indicator) {
        return switch (indicator.better()) {
            case "HIGHER" -> Better.HIGHER;
            case "LOWER" -> Better.LOWER;
            default -> {
                String named = indicator.code() + " (" + indicator.name() + ")";
                throw ProblemException.invalid("indicator", new Text("neither direction is better for " + named
                        + ": a target on it cannot be assessed", "chỉ tiêu " + named
                        + " không có chiều nào là tốt hơn: không thể đánh giá một mục tiêu trên chỉ tiêu này"));
            }
        };
    }

    /** The rules a target must meet to be assessable: a yearly indicator, years in the plan, a kind that fits it. */
    private static void requireFit(Target target, IndicatorReplica.Indicator indicator, Plan plan) {
        String code = indicator.code();
        String aggregation = indicator.aggregation();
        if (!"YEAR".equals(indicator.periodicity())) {
            String periodicity = indicator.periodicity();
            throw ProblemException.invalid("indicator", new Text(code + " is published per " + periodicity
                    + ": targets are assessed on yearly values", code + " được công bố theo kỳ " + periodicity
                    + ": mục tiêu được đánh giá trên giá trị theo năm"));
        }
        if (target.targetYear < plan.startYear || target.targetYear > plan.endYear) {
            throw ProblemException.invalid("targetYear", new Text("must be within the plan, " + plan.startYear + " to "
                    + plan.endYear, "phải nằm trong thời gian của kế hoạch, từ " + plan.startYear + " đến " + plan.endYear));
        }
        if (target.baselineYear >= target.targetYear) {
            throw ProblemException.invalid("baselineYear", new Text("must be before targetYear (" + target.targetYear + ")",
                    "phải trước targetYear (" + target.targetYear + ")"));
        }
        switch (target.kind) {
            case GROWTH -> {
                if ("REPORTED".equals(aggregation) || "GROWTH".equals(aggregation)) {
                    throw ProblemException.invalid("kind", new Text(code + " is " + aggregation
                            + ", not a level: a growth target needs a level such as LABOUR_PRODUCTIVITY_CONSTANT",
                            code + " là " + aggregation + ", không phải một mức: mục tiêu tăng trưởng cần một chỉ tiêu"
                            + " dạng mức như LABOUR_PRODUCTIVITY_CONSTANT"));
                }
                if (!Prices.growthComparable(indicator.prices())) {
                    throw ProblemException.invalid("kind", new Text(Prices.whyNoGrowth(code),
                            Prices.whyNoGrowthInVietnamese(code)));
                }
                if (target.baselineValue != null && target.baselineValue.signum() <= 0) {
                    String baseline = target.baselineValue.toPlainString();
                    throw ProblemException.invalid("baselineValue", new Text("must be above 0: growth from " + baseline
                            + " is undefined", "phải lớn hơn 0: tăng trưởng từ " + baseline + " không xác định được"));
                }
                if (target.targetValue.compareTo(BigDecimal.valueOf(-100)) <= 0) {
                    throw ProblemException.invalid("targetValue", new Text("a growth must be above -100 % a year",
                            "tăng trưởng phải lớn hơn -100 % mỗi năm"));
                }
            }
            case CUMULATIVE -> {
                if (!"ADDITIVE".equals(aggregation)) {
                    throw ProblemException.invalid("kind", new Text(code + " is " + aggregation
                            + ": only additive counts such as SME_PILOT_PROJECTS sum over the years", code + " là "
                            + aggregation + ": chỉ các số đếm cộng được như SME_PILOT_PROJECTS mới cộng dồn qua các năm"));
                }
                if (indicator.overTime() != null && !indicator.overTime().summable()) {
                    throw ProblemException.invalid("kind", new Text(OverTime.whyNotSummed(code),
                            OverTime.whyNotSummedInVietnamese(code)));
                }
                if (target.baselineYear < plan.startYear) {
                    throw ProblemException.invalid("baselineYear", new Text(
                            "a cumulative count starts in the plan's first year, " + plan.startYear + ", or later",
                            "số đếm cộng dồn bắt đầu từ năm đầu của kế hoạch, " + plan.startYear + ", hoặc muộn hơn"));
                }
            }
            case LEVEL -> {
                int earliest = plan.startYear - 5;
                if (target.baselineYear < earliest) {
                    throw ProblemException.invalid("baselineYear", new Text(
                            "must be at most five years before the plan, from " + earliest,
                            "phải sớm hơn kế hoạch nhiều nhất năm năm, tức từ " + earliest + " trở đi"));
                }
            }
        }
    }
}
