package vn.nangsuat.plan.api;

import vn.nangsuat.plan.domain.Target;
import vn.nangsuat.plan.domain.TargetProgress;

/** Targets and their progress as the API and the events show them. */
public final class TargetMapper {

    private TargetMapper() {
    }

    public static TargetView toView(Target target, TargetProgress progress) {
        return new TargetView(target.id, target.planId, target.indicatorCode, target.kind, target.better,
                target.baselineYear, target.baselineValue, target.targetYear, target.targetValue, target.createdAt,
                progress == null ? null : toView(progress));
    }

    public static TargetView.Progress toView(TargetProgress progress) {
        return new TargetView.Progress(progress.status, progress.latestPeriod, progress.latestValue, progress.latestStatus,
                progress.latestRevision, progress.baselineValue, progress.targetLevel, progress.achievement,
                progress.projected, progress.neededPerYear, progress.ratio, progress.level, progress.method, progress.reason,
                progress.computedAt);
    }
}
