package vn.nangsuat.province.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A merge or split as it was recorded: when, by whom, the versions it closed and opened, and whether it was reverted. */
@Entity
@Table(name = "reorganization")
public class RecordedReorganization {

    /** What a reorganisation did to a version: closed it the day before, or opened it on the date. */
    public enum Role { CLOSED, OPENED }

    /** A version a reorganisation touched, by code and first day (kept after a revert deletes it). */
    @Embeddable
    public record Touched(@Enumerated(EnumType.STRING) @Column(name = "role", length = 8) Role role,
            @Column(name = "code", length = 2) String code, @Column(name = "valid_from") LocalDate validFrom) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 16)
    public UnitLineage.Kind kind;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "reverted_at")
    public Instant revertedAt;

    @Column(name = "reverted_by", length = 100)
    public String revertedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reorganization_version", joinColumns = @JoinColumn(name = "reorganization_id"))
    public List<Touched> versions = new ArrayList<>();

    public List<Touched> touched(Role role) {
        return versions.stream().filter(version -> version.role() == role).toList();
    }
}
