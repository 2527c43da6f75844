package vn.nangsuat.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A target's progress as last computed: the assessment of {@link ProgressRule} and the observation it rests on.
 * Always recomputed from the replica's state, never adjusted by an event's delta.
 */
@Entity
@Table(name = "target_progress")
public class TargetProgress {

    @Id
    @Column(name = "target_id")
    public long targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProgressStatus status;

    @Column(name = "latest_period", length = 7)
    public String latestPeriod;

    @Column(name = "latest_value", precision = 24, scale = 6)
    public BigDecimal latestValue;

    /** ESTIMATE, PRELIMINARY or OFFICIAL: how firm the latest value is. */
    @Column(name = "latest_status", length = 12)
    public String latestStatus;

    @Column(name = "latest_revision")
    public Integer latestRevision;

    @Column(name = "baseline_value", precision = 24, scale = 6)
    public BigDecimal baselineValue;

    @Column(name = "target_level", precision = 30, scale = 6)
    public BigDecimal targetLevel;

    @Column(precision = 20, scale = 4)
    public BigDecimal achievement;

    @Column(precision = 30, scale = 6)
    public BigDecimal projected;

    @Column(name = "needed_per_year", precision = 30, scale = 6)
    public BigDecimal neededPerYear;

    @Column(precision = 20, scale = 4)
    public BigDecimal ratio;

    /** The UNSD progress chart's level while the target year is ahead; null without a ratio or once it is over. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public ProgressLevel level;

    @Column(length = 12)
    public String method;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    /** 1 for a target's first progress, one more at each change: what a consumer of the progress events orders by. */
    @Column(nullable = false)
    public int revision;

    /** Whether the other says the same of the target (when it was computed aside). */
    public boolean sameAs(TargetProgress other) {
        return status == other.status && Objects.equals(latestPeriod, other.latestPeriod)
                && same(latestValue, other.latestValue) && Objects.equals(latestStatus, other.latestStatus)
                && Objects.equals(latestRevision, other.latestRevision) && same(baselineValue, other.baselineValue)
                && same(targetLevel, other.targetLevel) && same(achievement, other.achievement)
                && same(projected, other.projected) && same(neededPerYear, other.neededPerYear)
                && same(ratio, other.ratio) && level == other.level && Objects.equals(method, other.method)
                && reason.equals(other.reason);
    }

    private static boolean same(BigDecimal one, BigDecimal other) {
        return one == null ? other == null : other != null && one.compareTo(other) == 0;
    }
}
