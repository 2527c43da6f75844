package vn.nangsuat.province.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.List;
import vn.nangsuat.kit.web.Preconditions;

/**
 * One version of a provincial unit: its name, kind and region over a validity interval (both ends inclusive,
 * `validTo` empty while in force). The same code names different versions, and after a merger a different
 * territory, on different dates.
 */
@Entity
@Table(name = "unit_version")
public class UnitVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 2)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public UnitKind kind;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    public Region region;

    @Column(name = "region_derived", nullable = false)
    public boolean regionDerived;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    /** {@link SearchKeys#normalize} of the name, kept in step with it. */
    @Column(name = "search_key", nullable = false, length = 120)
    public String searchKey;

    /** Optimistic lock; also part of the code's ETag ({@link #timelineEtag}). */
    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    @PrePersist
    @PreUpdate
    void keepSearchKey() {
        searchKey = SearchKeys.normalize(name);
    }

    /**
     * The entity tag of everything a code has named, from its versions oldest first: any change to any of them (a
     * new one, one closed, one scheduled for a later date) changes it. A read of the unit on any date carries it,
     * and a change checks it, so the tag a plain read returns is one the write accepts until someone else writes.
     */
    public static String timelineEtag(String code, List<UnitVersion> oldestFirst) {
        Object[] parts = new Object[oldestFirst.size() * 2 + 1];
        parts[0] = code;
        for (int i = 0; i < oldestFirst.size(); i++) {
            parts[2 * i + 1] = oldestFirst.get(i).id;
            parts[2 * i + 2] = oldestFirst.get(i).rowVersion;
        }
        return Preconditions.etag(parts);
    }

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
