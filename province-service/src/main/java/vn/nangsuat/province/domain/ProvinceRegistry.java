package vn.nangsuat.province.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.nangsuat.http.Text;
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

    /**
     * A merge or split asked for: {@code backdated} says an effective date before today is meant (a reorganisation is
     * otherwise recorded ahead of its day); {@code dryRun} does all of it, answers what it did, and keeps nothing.
     */
    public record ReorganizationRequest(UnitLineage.Kind kind, LocalDate effectiveDate, List<String> predecessors,
            List<Successor> successors, boolean backdated, boolean dryRun, String actor) {
    }

    /** A lineage edge a reorganisation adds: the version of one code became (part of) the version of another. */
    public record Edge(String fromCode, LocalDate fromValidFrom, String toCode, LocalDate toValidFrom) {
    }

    /** How many provincial units are in force on a day, before and after the reorganisation. */
    public record UnitsInForce(LocalDate day, long before, long after) {
    }

    /**
     * What a reorganisation did (or, in a dry run, would do): the versions it closed and opened, the lineage it adds,
     * how the units in force move on its date and today, and the events it publishes. {@code id} names it for a
     * revert; null in a dry run.
     */
    public record Reorganization(Long id, boolean dryRun, LocalDate effectiveDate, UnitLineage.Kind kind,
            List<UnitVersion> predecessors, List<UnitVersion> successors, List<Edge> lineage,
            List<UnitsInForce> unitsInForce, List<ProvinceEvents.Published> events) {
    }

    /** A reverted reorganisation: the versions in force again, and those withdrawn as they were. */
    public record Reverted(long id, LocalDate effectiveDate, UnitLineage.Kind kind, List<UnitVersion> reopened,
            List<UnitVersion> withdrawn) {
    }

    private final UnitVersionRepository versions;
    private final UnitLineageRepository lineage;
    private final ReorganizationRepository reorganizations;
    private final ProvinceEvents events;
    private final Clock clock;

    public ProvinceRegistry(UnitVersionRepository versions, UnitLineageRepository lineage,
            ReorganizationRepository reorganizations, ProvinceEvents events, Clock clock) {
        this.versions = versions;
        this.lineage = lineage;
        this.reorganizations = reorganizations;
        this.events = events;
        this.clock = clock;
    }

    /** A new unit from a date; its code must be free from that date on. */
    public Written create(String code, UnitFields fields, LocalDate validFrom) {
        if (versions.anyValidOnOrAfter(code, validFrom)) {
            throw ProblemException.conflict(new Text("Code " + code + " already names a unit on or after " + validFrom
                    + ": change that unit, or reorganise, instead",
                    "Mã " + code + " đã được dùng cho một đơn vị vào hoặc sau ngày " + validFrom
                    + ": thay vào đó, hãy thay đổi đơn vị đó hoặc sắp xếp lại"));
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
                .orElseThrow(() -> ProblemException.notFound(noUnitInForce(code)));
        // Read after the lock: a change that committed while this one waited is seen, and refused as stale.
        Preconditions.requireMatch(ifMatch, versions.timelineEtag(code));
        if (!effective.isAfter(current.validFrom)) {
            LocalDate currentFrom = current.validFrom;
            throw ProblemException.invalid("effectiveDate", new Text("must be after " + currentFrom
                    + ", the first day of the version in force",
                    "phải sau ngày " + currentFrom + ", ngày đầu tiên của phiên bản đang có hiệu lực"));
        }
        String name = fields.name() != null ? fields.name() : current.name;
        UnitKind kind = fields.kind() != null ? fields.kind() : current.kind;
        Region region = fields.region() != null ? fields.region() : current.region;
        boolean regionDerived = fields.region() == null && current.regionDerived;
        if (name.equals(current.name) && kind == current.kind && region == current.region) {
            throw ProblemException.invalid("body", new Text("changes nothing: give a new name, kind or region",
                    "không thay đổi gì: hãy đưa ra tên, loại hoặc vùng mới"));
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
     * code it keeps, else the first), marked as derived. A date before today is refused unless the request says it
     * is meant; a dry run is rolled back whole, events included.
     */
    public Reorganization reorganize(ReorganizationRequest request) {
        UnitLineage.Kind kind = request.kind();
        LocalDate effective = request.effectiveDate();
        List<String> predecessorCodes = request.predecessors();
        List<Successor> successors = request.successors();
        checkShape(kind, predecessorCodes, successors);
        LocalDate today = LocalDate.now(clock);
        if (effective.isBefore(today) && !request.backdated()) {
            throw ProblemException.invalid("effectiveDate", new Text("is before today (" + today + "): a reorganisation"
                    + " is recorded ahead of the day it takes effect, and a past one rewrites what every read of those"
                    + " days answered. To record one that has taken effect already, send \"backdated\": true"
                    + " (try \"dryRun\" first)",
                    "là ngày trước hôm nay (" + today + "): một lần sắp xếp lại được ghi nhận trước ngày nó có"
                    + " hiệu lực, và một lần trong quá khứ sẽ viết lại những gì mọi lần đọc cho các ngày đó đã trả về."
                    + " Để ghi nhận một lần đã có hiệu lực rồi, hãy gửi \"backdated\": true"
                    + " (hãy thử \"dryRun\" trước)"));
        }
        List<LocalDate> days = effective.equals(today) ? List.of(effective) : List.of(effective, today);
        List<Long> before = days.stream().map(this::provincialUnitsOn).toList();
        LocalDate lastDay = effective.minusDays(1);
        List<UnitVersion> predecessors = new ArrayList<>();
        for (String code : predecessorCodes.stream().sorted().toList()) {  // one lock order, no deadlocks
            UnitVersion version = versions.findOpenForUpdate(code)
                    .orElseThrow(() -> ProblemException.conflict(noUnitInForce(code)));
            if (!version.validOn(lastDay)) {
                LocalDate begins = version.validFrom;
                throw ProblemException.conflict(new Text("Unit " + code + " begins on " + begins
                        + ", not before " + effective + ", so it cannot end the day before",
                        "Đơn vị " + code + " bắt đầu từ ngày " + begins + ", không phải trước ngày " + effective
                        + ", nên không thể kết thúc vào ngày hôm trước"));
            }
            predecessors.add(version);
        }
        Set<String> predecessorSet = new HashSet<>(predecessorCodes);
        for (Successor successor : successors) {
            if (!predecessorSet.contains(successor.code()) && versions.anyValidOnOrAfter(successor.code(), effective)) {
                String taken = successor.code();
                throw ProblemException.conflict(new Text(
                        "Code " + taken + " already names a unit on or after " + effective,
                        "Mã " + taken + " đã được dùng cho một đơn vị vào hoặc sau ngày " + effective));
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
        List<Edge> edges = new ArrayList<>();
        for (UnitVersion predecessor : predecessors) {
            for (UnitVersion successor : opened) {
                lineage.persist(UnitLineage.link(predecessor, successor, effective, kind));
                edges.add(new Edge(predecessor.code, predecessor.validFrom, successor.code, successor.validFrom));
            }
        }
        lineage.flush();
        List<UnitsInForce> unitsInForce = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            unitsInForce.add(new UnitsInForce(days.get(i), before.get(i), provincialUnitsOn(days.get(i))));
        }
        List<ProvinceEvents.Published> published = events.reorganized(effective, kind, predecessors, opened);
        opened.sort(Comparator.comparing(version -> version.code));
        Long id = null;
        if (request.dryRun()) {
            QuarkusTransaction.setRollbackOnly();  // everything above, the outbox rows included, is undone
        } else {
            id = record(kind, effective, request.actor(), predecessors, opened);
        }
        return new Reorganization(id, request.dryRun(), effective, kind, predecessors, opened, edges, unitsInForce,
                published);
    }

    private long record(UnitLineage.Kind kind, LocalDate effective, String actor, List<UnitVersion> closed,
            List<UnitVersion> opened) {
        RecordedReorganization recorded = new RecordedReorganization();
        recorded.kind = kind;
        recorded.effectiveDate = effective;
        recorded.recordedAt = Instant.now(clock);
        recorded.recordedBy = actor;
        closed.forEach(version -> recorded.versions.add(new RecordedReorganization.Touched(
                RecordedReorganization.Role.CLOSED, version.code, version.validFrom)));
        opened.forEach(version -> recorded.versions.add(new RecordedReorganization.Touched(
                RecordedReorganization.Role.OPENED, version.code, version.validFrom)));
        reorganizations.persistAndFlush(recorded);
        return recorded.id;
    }

    /** Provincial units (the country aside) in force on the day, as this transaction sees them. */
    private long provincialUnitsOn(LocalDate day) {
        return versions.count("kind != ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", UnitKind.COUNTRY, day);
    }

    /**
     * Undoes the last reorganisation recorded, exactly: the versions it opened are deleted with their lineage and the
     * versions it closed are in force again, as they were; an event for each unit touched, a state for each version
     * reopened and a withdrawal for each version deleted. Refused (409) for any but the last standing one, and when
     * what it opened or closed has changed since (a later change or reorganisation must be undone first).
     */
    public Reverted revert(long id, String actor) {
        RecordedReorganization last = reorganizations.lastStandingForUpdate().orElse(null);
        if (last == null || last.id != id) {
            RecordedReorganization asked = reorganizations.findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound(new Text("No reorganisation has id " + id,
                            "Không có lần sắp xếp lại nào có id " + id)));
            if (asked.revertedAt != null) {
                Instant revertedAt = asked.revertedAt;
                String revertedBy = asked.revertedBy;
                throw ProblemException.conflict(new Text(
                        "Reorganisation " + id + " was reverted at " + revertedAt + " by " + revertedBy,
                        "Lần sắp xếp lại " + id + " đã được hoàn tác lúc " + revertedAt + " bởi " + revertedBy));
            }
            Long lastId = last.id;
            throw ProblemException.conflict(new Text(
                    "Only the last reorganisation recorded can be reverted, and that is " + lastId
                    + ": revert it first",
                    "Chỉ có thể hoàn tác lần sắp xếp lại được ghi nhận gần nhất, và đó là lần " + lastId
                    + ": hãy hoàn tác lần đó trước"));
        }
        LocalDate lastDay = last.effectiveDate.minusDays(1);
        List<UnitVersion> opened = new ArrayList<>();
        for (RecordedReorganization.Touched touched : last.touched(RecordedReorganization.Role.OPENED)) {
            String code = touched.code();
            LocalDate from = touched.validFrom();
            UnitVersion version = versions.findOpenForUpdate(code)
                    .filter(open -> open.validFrom.equals(from))
                    .orElseThrow(() -> ProblemException.conflict(new Text("Unit " + code + " from " + from
                            + " is no longer the version in force: undo what changed it since, then revert",
                            "Đơn vị " + code + " từ ngày " + from + " không còn là phiên bản đang có hiệu lực:"
                            + " hãy hoàn tác những gì đã thay đổi nó kể từ đó, rồi hãy hoàn tác")));
            opened.add(version);
        }
        Set<String> openedCodes = new HashSet<>();
        opened.forEach(version -> openedCodes.add(version.code));
        List<UnitVersion> closed = new ArrayList<>();
        for (RecordedReorganization.Touched touched : last.touched(RecordedReorganization.Role.CLOSED)) {
            String code = touched.code();
            LocalDate from = touched.validFrom();
            UnitVersion version = versions.find("code = ?1 and validFrom = ?2", code, from)
                    .firstResultOptional().filter(found -> lastDay.equals(found.validTo))
                    .orElseThrow(() -> ProblemException.conflict(new Text("Unit " + code + " from " + from
                            + " no longer ends on " + lastDay + ": undo what changed it since, then revert",
                            "Đơn vị " + code + " từ ngày " + from + " không còn kết thúc vào ngày " + lastDay
                            + ": hãy hoàn tác những gì đã thay đổi nó kể từ đó, rồi hãy hoàn tác")));
            if (!openedCodes.contains(version.code) && versions.anyValidOnOrAfter(version.code, last.effectiveDate)) {
                LocalDate effective = last.effectiveDate;
                throw ProblemException.conflict(new Text("Code " + code + " names another unit from " + effective
                        + " on: undo that first, then revert",
                        "Mã " + code + " được dùng cho một đơn vị khác từ ngày " + effective
                        + " trở đi: hãy hoàn tác việc đó trước, rồi hãy hoàn tác"));
            }
            closed.add(version);
        }
        List<Long> openedIds = opened.stream().map(version -> version.id).toList();
        lineage.delete("key.successorId in ?1", openedIds);
        opened.forEach(versions::delete);
        versions.flush();  // deleted before the closed ones reopen: one open version per code
        closed.forEach(version -> version.validTo = null);
        versions.flush();
        last.revertedAt = Instant.now(clock);
        last.revertedBy = actor;
        events.reverted(last.id, last.effectiveDate, last.kind, closed, opened);
        return new Reverted(last.id, last.effectiveDate, last.kind, closed, opened);
    }

    private static void checkShape(UnitLineage.Kind kind, List<String> predecessors, List<Successor> successors) {
        if (new HashSet<>(predecessors).size() != predecessors.size()) {
            throw ProblemException.invalid("predecessors", new Text("names a unit twice", "nêu một đơn vị hai lần"));
        }
        if (successors.stream().map(Successor::code).distinct().count() != successors.size()) {
            throw ProblemException.invalid("successors", new Text("names a code twice", "nêu một mã hai lần"));
        }
        switch (kind) {
            case MERGE -> {
                if (predecessors.size() < 2 || successors.size() != 1) {
                    throw ProblemException.invalid("kind",
                            new Text("MERGE takes two or more predecessors and one successor",
                            "MERGE cần từ hai đơn vị trước trở lên và một đơn vị kế tiếp"));
                }
            }
            case SPLIT -> {
                if (predecessors.size() != 1 || successors.size() < 2) {
                    throw ProblemException.invalid("kind",
                            new Text("SPLIT takes one predecessor and two or more successors",
                            "SPLIT cần một đơn vị trước và từ hai đơn vị kế tiếp trở lên"));
                }
            }
            default -> throw ProblemException.invalid("kind",
                    new Text("must be MERGE or SPLIT", "phải là MERGE hoặc SPLIT"));
        }
    }

    private static Text noUnitInForce(String code) {
        return new Text("No unit with code " + code + " is in force",
                "Không có đơn vị nào mang mã " + code + " đang có hiệu lực");
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
