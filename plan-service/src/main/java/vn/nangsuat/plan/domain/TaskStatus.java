package vn.nangsuat.plan.domain;

/** Where a task stands. DONE and CANCELLED are closed: never overdue, never lagging. */
public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
