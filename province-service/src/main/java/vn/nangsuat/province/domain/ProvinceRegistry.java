package vn.nangsuat.province.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.Preconditions;
import vn.nangsuat.province.events.ProvinceEvents;

/**
 * The changes to provincial units: each is one transaction that writes the new versions, their lineage and
 * their events (through the outbox), or nothing at all.
 */
@ApplicationScoped
@Transactional
public class ProvinceRegistry {

    /** What a new version says; a null field of a change keeps the value of the version it replaces. */
    public record UnitFields(String name, UnitKind kind, Region region) {
    }

    public record Successor(String code, UnitFields fields) {
    }

    /** A version written, with the ETag of its code after the write (what a read would now return). */
    public record Written(UnitVersion version, String etag) {
    }

    /** The versions a reorganisation closed and opened. */
    public record Reorganization(LocalDate effectiveDate, UnitLineage.Kind kind, List<UnitVersion> predecessors,
            List<UnitVersion> successors) {
    }

    private final UnitVersionRepository versions;
    private final UnitLineageRepository lineage;
    private final ProvinceEvents events;

    public ProvinceRegistry(UnitVersionRepository versions, UnitLineageRepository lineage, ProvinceEvents events) {
        this.versions = versions;
        this.lineage = lineage;
        this.events = events;
    }

    /** A new unit from a date; its code must be free from that date on. */
    public Written create(String code, UnitFields fields, LocalDate validFrom) {
        if (versions.anyValidOnOrAfter(code, validFrom)) {
            throw ProblemException.conflict("Code " + code + " already names a unit on or after " + validFrom
                    + ": change that unit, or reorganise, instead");
        }
        UnitVersion unit = newVersion(code, fields.name(), fields.kind(), fields.region(), false, validFrom);
        // The unique key on open versions refuses a concurrent create of the same code that passed this check too.
        versions.persistAndFlush(unit);
        events.created(unit);
        return new Written(unit, versions.timelineEtag(code));
    }

    /**
     * The unit in force changes from a date on the same territory (a rename, a change of kind or region): its
     * version closes the day before and a new one begins. `ifMatch` must name the code's current ETag, the one
     * any read of the unit returns.
     */
    public Written change(String code, UnitFields fields, LocalDate effective, String ifMatch) {
        UnitVersion current = versions.findOpenForUpdate(code)
                .orElseThrow(() -> ProblemException.notFound("No unit with code " + code + " is in force"));
        // Read after the lock: a change that committed while this one waited is seen, and refused as stale.
        Preconditions.requireMatch(ifMatch, versions.timelineEtag(code));
        if (!effective.isAfter(current.validFrom)) {
            throw ProblemException.invalid("effectiveDate", "must be after " + current.validFrom
                    + ", the first day of the version in force");
        }
        String name = fields.name() != null ? fields.name() : current.name;
        UnitKind kind = fields.kind() != null ? fields.kind() : current.kind;
        Region region = fields.region() != null ? fields.region() : current.region;
        boolean regionDerived = fields.region() == null && current.regionDerived;
        if (name.equals(current.name) && kind == current.kind && region == current.region) {
            throw ProblemException.invalid("body", "changes nothing: give a new name, kind or region");
        }
        current.validTo = effective.minusDays(1);
        versions.flush();  // closed before the next opens: a unique key allows one open version per code
        UnitVersion next = newVersion(code, name, kind, region, regionDerived, effective);
        versions.persist(next);
        versions.flush();
        lineage.persist(UnitLineage.link(current, next, effective, UnitLineage.Kind.CHANGE));
        events.changed(current, next);
        return new Written(next, versions.timelineEtag(code));
    }

    /**
     * Merges several units into one (MERGE) or splits one into several (SPLIT) on a date, atomically. Every
     * predecessor must be in force the day before and end then; every successor code must be free from the date
     * on (or be one of the predecessors'). A successor without a region takes its host's (the predecessor whose
     * code it keeps, else the first), marked as derived.
     */
    public Reorganization reorganize(UnitLineage.Kind kind, LocalDate effective, List<String> predecessorCodes,
            List<Successor> successors) {
        checkShape(kind, predecessorCodes, successors);
        LocalDate lastDay = effective.minusDays(1);
        List<UnitVersion> predecessors = new ArrayList<>();
        for (String code : predecessorCodes.stream().sorted().toList()) {  // one lock order, no deadlocks
            UnitVersion version = versions.findOpenForUpdate(code)
                    .orElseThrow(() -> ProblemException.conflict("No unit with code " + code + " is in force"));
            if (!version.validOn(lastDay)) {
                throw ProblemException.conflict("Unit " + code + " begins on " + version.validFrom
                        + ", not before " + effective + ", so it cannot end the day before");
            }
            predecessors.add(version);
        }
        Set<String> predecessorSet = new HashSet<>(predecessorCodes);
        for (Successor successor : successors) {
            if (!predecessorSet.contains(successor.code()) && versions.anyValidOnOrAfter(successor.code(), effective)) {
                throw ProblemException.conflict("Code " + successor.code() + " already names a unit on or after "
                        + effective);
            }
        }
        predecessors.forEach(version -> version.validTo = lastDay);
        versions.flush();
        List<UnitVersion> opened = new ArrayList<>();
        for (Successor successor : successors) {
            UnitVersion host = predecessors.stream().filter(p -> p.code.equals(successor.code())).findFirst()
                    .orElse(predecessors.get(0));
            UnitFields fields = successor.fields();
            boolean derived = fields.region() == null;
            UnitVersion version = newVersion(successor.code(), fields.name(), fields.kind(),
                    derived ? host.region : fields.region(), derived, effective);
            versions.persist(version);
            opened.add(version);
        }
        versions.flush();
        for (UnitVersion predecessor : predecessors) {
            for (UnitVersion successor : opened) {
                lineage.persist(UnitLineage.link(predecessor, successor, effective, kind));
            }
        }
        events.reorganized(effective, kind, predecessors, opened);
        opened.sort(Comparator.comparing(version -> version.code));
        return new Reorganization(effective, kind, predecessors, opened);
    }

    private static void checkShape(UnitLineage.Kind kind, List<String> predecessors, List<Successor> successors) {
        if (new HashSet<>(predecessors).size() != predecessors.size()) {
            throw ProblemException.invalid("predecessors", "names a unit twice");
        }
        if (successors.stream().map(Successor::code).distinct().count() != successors.size()) {
            throw ProblemException.invalid("successors", "names a code twice");
        }
        switch (kind) {
            case MERGE -> {
                if (predecessors.size() < 2 || successors.size() != 1) {
                    throw ProblemException.invalid("kind", "MERGE takes two or more predecessors and one successor");
                }
            }
            case SPLIT -> {
                if (predecessors.size() != 1 || successors.size() < 2) {
                    throw ProblemException.invalid("kind", "SPLIT takes one predecessor and two or more successors");
                }
            }
            default -> throw ProblemException.invalid("kind", "must be MERGE or SPLIT");
        }
    }

    private static UnitVersion newVersion(String code, String name, UnitKind kind, Region region, boolean regionDerived,
            LocalDate validFrom) {
        UnitVersion version = new UnitVersion();
        version.code = code;
        version.name = name;
        version.kind = kind;
        version.region = region;
        version.regionDerived = regionDerived;
        version.validFrom = validFrom;
        return version;
    }
}
