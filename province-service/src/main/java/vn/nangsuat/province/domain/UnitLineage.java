package vn.nangsuat.province.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/** A predecessor version became (part of) a successor version on the effective date. */
@Entity
@Table(name = "unit_lineage")
public class UnitLineage {

    @Embeddable
    public record Key(@Column(name = "predecessor_id") Long predecessorId,
            @Column(name = "successor_id") Long successorId) implements Serializable {
    }

    /** MERGE: several became one; SPLIT: one became several; CHANGE: renamed or re-kinded on the same territory. */
    public enum Kind { MERGE, SPLIT, CHANGE }

    @EmbeddedId
    public Key key;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind", nullable = false, length = 16)
    public Kind kind;

    public static UnitLineage link(UnitVersion predecessor, UnitVersion successor, LocalDate effective, Kind kind) {
        UnitLineage link = new UnitLineage();
        link.key = new Key(predecessor.id, successor.id);
        link.effectiveDate = effective;
        link.kind = kind;
        return link;
    }
}
