package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        Plan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("No plan has id " + planId));
        scope.requireWrite(plan.unitCode);
        if (plan.state.next().isEmpty()) {
            throw ProblemException.conflict("Plan " + planId + " is " + plan.state + ": its targets are final");
        }
        IndicatorReplica.Indicator indicator = indicators.indicator(request.indicator())
                .orElseThrow(() -> ProblemException.invalid("indicator", request.indicator()
                        + " names no indicator this service knows of (from indicator.events)"));
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
            throw ProblemException.conflict("Plan " + planId + " already has a " + target.kind + " target on "
                    + target.indicatorCode + ": a plan has one target per indicator and kind");
        }
        // The unique key refuses a concurrent twin that passed this check too (409).
        targets.persistAndFlush(target);
        return new Set(target, tracker.recompute(target, plan));
    }

    private static Better betterOf(IndicatorReplica.Indicator indicator) {
        return switch (indicator.better()) {
            case "HIGHER" -> Better.HIGHER;
            case "LOWER" -> Better.LOWER;
            default -> throw ProblemException.invalid("indicator", "neither direction is better for " + indicator.code()
                    + " (" + indicator.name() + "): a target on it cannot be assessed");
        };
    }

    /** The rules a target must meet to be assessable: a yearly indicator, years in the plan, a kind that fits it. */
    private static void requireFit(Target target, IndicatorReplica.Indicator indicator, Plan plan) {
        if (!"YEAR".equals(indicator.periodicity())) {
            throw ProblemException.invalid("indicator", indicator.code() + " is published per " + indicator.periodicity()
                    + ": targets are assessed on yearly values");
        }
        if (target.targetYear < plan.startYear || target.targetYear > plan.endYear) {
            throw ProblemException.invalid("targetYear", "must be within the plan, " + plan.startYear + " to " + plan.endYear);
        }
        if (target.baselineYear >= target.targetYear) {
            throw ProblemException.invalid("baselineYear", "must be before targetYear (" + target.targetYear + ")");
        }
        switch (target.kind) {
            case GROWTH -> {
                if ("REPORTED".equals(indicator.aggregation()) || "GROWTH".equals(indicator.aggregation())) {
                    throw ProblemException.invalid("kind", indicator.code() + " is " + indicator.aggregation()
                            + ", not a level: a growth target needs a level such as LABOUR_PRODUCTIVITY_CONSTANT");
                }
                if (!Prices.growthComparable(indicator.prices())) {
                    throw ProblemException.invalid("kind", Prices.whyNoGrowth(indicator.code()));
                }
                if (target.baselineValue != null && target.baselineValue.signum() <= 0) {
                    throw ProblemException.invalid("baselineValue", "must be above 0: growth from "
                            + target.baselineValue.toPlainString() + " is undefined");
                }
                if (target.targetValue.compareTo(BigDecimal.valueOf(-100)) <= 0) {
                    throw ProblemException.invalid("targetValue", "a growth must be above -100 % a year");
                }
            }
            case CUMULATIVE -> {
                if (!"ADDITIVE".equals(indicator.aggregation())) {
                    throw ProblemException.invalid("kind", indicator.code() + " is " + indicator.aggregation()
                            + ": only additive counts such as SME_PILOT_PROJECTS sum over the years");
                }
                if (indicator.overTime() != null && !indicator.overTime().summable()) {
                    throw ProblemException.invalid("kind", OverTime.whyNotSummed(indicator.code()));
                }
                if (target.baselineYear < plan.startYear) {
                    throw ProblemException.invalid("baselineYear", "a cumulative count starts in the plan's first year, "
                            + plan.startYear + ", or later");
                }
            }
            case LEVEL -> {
                if (target.baselineYear < plan.startYear - 5) {
                    throw ProblemException.invalid("baselineYear", "must be at most five years before the plan, from "
                            + (plan.startYear - 5));
                }
            }
        }
    }
}
