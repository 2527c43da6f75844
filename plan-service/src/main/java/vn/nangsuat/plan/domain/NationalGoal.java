package vn.nangsuat.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import vn.nangsuat.kit.web.Preconditions;

/** One goal of the decision for one year, such as 12 to 15 provinces with a productivity plan by 2025. */
@Entity
@Table(name = "national_goal")
public class NationalGoal {

    @Embeddable
    public record Key(@Column(length = 60) String code, @Column(name = "target_year") int year) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Comparator comparator;

    @Column(nullable = false, precision = 12, scale = 3)
    public BigDecimal low;

    @Column(precision = 12, scale = 3)
    public BigDecimal high;

    @Column(nullable = false, length = 60)
    public String unit;

    @Column(nullable = false, length = 1000)
    public String description;

    @Column(nullable = false, length = 300)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public GoalMeasure measure;

    /** The year progress is measured from (for a count: the first year counted). */
    @Column(name = "baseline_year", nullable = false)
    public int baselineYear;

    /** The indicator summed (RATIO_GROWTH: the numerator; COUNT: the count). */
    @Column(name = "numerator_code", length = 40)
    public String numeratorCode;

    @Column(name = "denominator_code", length = 40)
    public String denominatorCode;

    /** False until the figure is checked against the legal text. */
    @Column(nullable = false)
    public boolean verified;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    public String etag() {
        return Preconditions.etag("national-goal", key.code(), key.year(), rowVersion);
    }
}
