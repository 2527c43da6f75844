package vn.nangsuat.plan.domain;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.plan.events.PlanEvents;
import vn.nangsuat.provincereplica.ProvinceReplica;

/**
 * Keeps each target's progress equal to what {@link ProgressRule} says of its series ({@link PlanSeries}) now: recomputed from
 * state whenever a value of its series changes, so a redelivered or reordered event changes nothing. A progress that
 * changed is published as plan.target-progress-changed with the observation it rests on.
 */
@ApplicationScoped
@Transactional
public class ProgressTracker {

    private final TargetRepository targets;
    private final IndicatorReplica replica;
    private final PlanSeries series;
    private final ProvinceReplica units;
    private final EntityManager entityManager;
    private final PlanEvents events;
    private final AssessmentYear year;

    public ProgressTracker(TargetRepository targets, IndicatorReplica replica, PlanSeries series, ProvinceReplica units,
            EntityManager entityManager, PlanEvents events, AssessmentYear year) {
        this.targets = targets;
        this.replica = replica;
        this.series = series;
        this.units = units;
        this.entityManager = entityManager;
        this.events = events;
        this.year = year;
    }

    /**
     * Recomputes every target the series may move: the unit's own, those of the units it became part of (whose series
     * combine it for the years before they took their form), on the indicator or on a ratio it is a part of.
     * Recomputing one too many changes nothing.
     */
    public void seriesChanged(List<IndicatorReplica.Series> changed) {
        if (changed.isEmpty()) {
            return;
        }
        // Most series of an import no target follows: nothing more is read for them.
        Set<String> followed = targets.followedAmong(changed.stream().map(IndicatorReplica.Series::indicator).toList());
        Set<List<String>> recomputed = new HashSet<>();
        for (IndicatorReplica.Series one : changed) {
            if (followed.contains(one.indicator()) && recomputed.add(List.of(one.unit(), one.indicator()))) {
                recomputeFollowing(one.unit(), one.indicator());
            }
        }
    }

    private void recomputeFollowing(String unit, String indicator) {
        Set<String> units = unitAndSuccessors(unit);
        for (TargetRepository.Followed followed : targets.following(replica.withRatiosOf(indicator), units)) {
            recompute(followed.target(), followed.plan());
        }
    }

    /**
     * Judges the targets whose year ended since their progress was computed (a year turned, no value came since):
     * ACHIEVED or NOT_ACHIEVED instead of a pace. How many were judged.
     */
    public int judgeEnded() {
        List<TargetRepository.Followed> ended = targets.pacedAfterTheirYear(year.now());
        ended.forEach(followed -> recompute(followed.target(), followed.plan()));
        return ended.size();
    }

    /** The target's progress now; stored, and published when it differs from what was stored. */
    @WithSpan("recompute target progress")
    public TargetProgress recompute(Target target, Plan plan) {
        Span.current().setAttribute("nangsuat.target.id", target.id).setAttribute("nangsuat.plan.id", plan.id);
        // One recomputation of a target at a time: the second, by another consumer, reads the series after the first
        // committed, so of two parts of a ratio changed at once the last computation sees both.
        targets.lockForUpdate(target.id);
        List<PlanSeries.YearValue> values = series.of(plan, target.indicatorCode);
        ProgressRule.Assessment assessment = ProgressRule.assess(target.terms(), values.stream()
                .map(value -> new ProgressRule.YearValue(value.year(), value.value())).toList(),
                year.now());
        PlanSeries.YearValue latest = assessment.latestYear() == null ? null : values.stream()
                .filter(value -> value.year() == assessment.latestYear()).findFirst().orElse(null);
        TargetProgress next = progress(target.id, assessment, latest);
        TargetProgress stored = entityManager.find(TargetProgress.class, target.id);
        if (stored != null && stored.sameAs(next)) {
            return stored;
        }
        next.revision = stored == null ? 1 : stored.revision + 1;
        TargetProgress kept = entityManager.merge(next);  // inserts, or copies onto the stored row
        events.progressChanged(plan, target, kept, latest);
        return kept;
    }

    /** The code and every code its versions went into, and theirs, so a merged unit's targets follow its parts. */
    private Set<String> unitAndSuccessors(String unit) {
        Set<String> codes = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(unit));
        while (!next.isEmpty()) {
            String code = next.pop();
            if (codes.add(code)) {
                units.history(code).forEach(version -> next.addAll(units.successorsOf(version)));
            }
        }
        return codes;
    }

    private static TargetProgress progress(long targetId, ProgressRule.Assessment assessment,
            PlanSeries.YearValue latest) {
        TargetProgress progress = new TargetProgress();
        progress.targetId = targetId;
        progress.status = assessment.status();
        if (latest != null) {
            progress.latestPeriod = String.valueOf(latest.year());
            progress.latestStatus = latest.status();
            progress.latestRevision = latest.revision();
        }
        progress.latestValue = assessment.latestValue();
        progress.baselineValue = assessment.baselineValue();
        progress.targetLevel = assessment.targetValue();
        progress.achievement = assessment.achievement();
        progress.projected = assessment.projected();
        progress.neededPerYear = assessment.neededPerYear();
        progress.ratio = assessment.ratio();
        progress.level = assessment.level();
        progress.method = assessment.method();
        progress.reason = assessment.reason();
        progress.computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return progress;
    }
}
