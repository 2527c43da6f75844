package vn.nangsuat.plan.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a plan stands: drafted, submitted to the People's Committee, returned for rework, approved by its decision,
 * being carried out, completed; or withdrawn from any open state. The allowed moves are this enum's only rule.
 */
public enum PlanState {
    DRAFT,
    SUBMITTED,
    RETURNED,
    APPROVED,
    IN_PROGRESS,
    COMPLETED,
    WITHDRAWN;

    /** The states a plan in this one may move to. */
    public Set<PlanState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(APPROVED, RETURNED, WITHDRAWN);
            case RETURNED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case APPROVED -> EnumSet.of(IN_PROGRESS, WITHDRAWN);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, WITHDRAWN);
            case COMPLETED, WITHDRAWN -> EnumSet.noneOf(PlanState.class);
        };
    }

    public boolean canMoveTo(PlanState target) {
        return next().contains(target);
    }

    /** Approved by its decision, whether carried out yet or done: what the national goal counts. */
    public boolean approved() {
        return this == APPROVED || this == IN_PROGRESS || this == COMPLETED;
    }
}
