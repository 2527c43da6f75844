package vn.nangsuat.indicator.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.rules.ObservationStatus;
import vn.nangsuat.rules.Period;

/**
 * One revision of the value of an indicator for a unit and period. Revisions are only appended, numbered 1, 2, 3
 * without gaps: a correction adds the next one, a deletion adds one without a value (a tombstone).
 */
@Entity
@Table(name = "observation")
public class Observation {

    @Embeddable
    public record Id(@Column(name = "unit_code", length = 2) String unitCode,
            @Column(name = "indicator_code", length = 40) String indicatorCode,
            @Column(length = 7) String period,
            int revision) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    /** Null in a tombstone. */
    @Column(precision = 24, scale = 6)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    public ObservationStatus status;

    @Column(length = 200)
    public String source;

    @Column(length = 1000)
    public String note;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /**
     * When the next revision was recorded; null while this one is current. Not stored, so that superseding a revision
     * never updates it: the next revision's recorded_at, filled by {@link ObservationRepository#fillSuperseded} for
     * the revisions an answer shows.
     */
    @Transient
    public Instant supersededAt;

    public Period period() {
        return Period.parse(id.period()).orElseThrow();
    }

    public boolean deleted() {
        return value == null;
    }

    /** The ETag of the value: changed by every revision. */
    public String etag() {
        return Preconditions.etag(id.unitCode(), id.indicatorCode(), id.period(), id.revision());
    }
}
