package vn.nangsuat.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** What a plan promises for one indicator of its unit: a level, an average growth, or a cumulative count. */
@Entity
@Table(name = "plan_target")
public class Target {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public long planId;

    @Column(name = "indicator_code", nullable = false, length = 40)
    public String indicatorCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public TargetKind kind;

    /** Taken from the indicator's definition when the target is set. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Better better;

    @Column(name = "baseline_year", nullable = false)
    public int baselineYear;

    /** Null: the value observed in the baseline year. */
    @Column(name = "baseline_value", precision = 24, scale = 6)
    public BigDecimal baselineValue;

    @Column(name = "target_year", nullable = false)
    public int targetYear;

    /** The level (LEVEL), the growth in % a year (GROWTH) or the total (CUMULATIVE). */
    @Column(name = "target_value", nullable = false, precision = 24, scale = 6)
    public BigDecimal targetValue;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    public ProgressRule.Terms terms() {
        return new ProgressRule.Terms(kind, better, baselineYear, baselineValue, targetYear, targetValue);
    }
}
