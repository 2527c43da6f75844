package vn.nangsuat.province.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.province.domain.UnitLineage;
import vn.nangsuat.province.domain.UnitLineageRepository;
import vn.nangsuat.province.domain.UnitVersion;

/**
 * What province-service publishes, written through the outbox in the caller's transaction: on
 * `province.events` what happened (CloudEvents type `vn.nangsuat.<name>.v1`, key = the unit code), and on the
 * compacted `province.units` the latest state of every version touched (`province.unit-state`, key =
 * `code/validFrom`), which replicas read whole to converge however late they start. The payloads are records of
 * their own (`UnitSnapshot`, never a REST answer or a table's row), documented in `/asyncapi.yaml`, which a test holds
 * to these records.
 */
@ApplicationScoped
public class ProvinceEvents {

    /** The aggregate type of every event and state published here; snapshots of units follow it. */
    public static final String AGGREGATE = "province";

    /** A unit came into being (or, for the seed, was first announced). */
    public record Created(UnitSnapshot unit) {
    }

    /** A unit changed from a date on the same territory: `previous` closed the day before `current` began. */
    public record Changed(UnitSnapshot previous, UnitSnapshot current) {
    }

    /** Units merged or split on a date: every predecessor closed the day before, every successor began. */
    public record Reorganized(LocalDate effectiveDate, String kind, List<UnitSnapshot> predecessors,
            List<UnitSnapshot> successors) {
    }

    /** A version as it stands now, with every version it came from: complete, as compaction keeps only the latest. */
    public record UnitState(UnitSnapshot unit, List<Predecessor> predecessors) {
    }

    /** A version a unit came from: its code and first day, the day the change took effect, and how (MERGE, SPLIT, ...). */
    public record Predecessor(String code, LocalDate validFrom, LocalDate effectiveDate, UnitLineage.Kind kind) {

        static Predecessor of(UnitLineageRepository.Predecessor predecessor) {
            return new Predecessor(predecessor.code(), predecessor.validFrom(), predecessor.effectiveDate(),
                    predecessor.kind());
        }
    }

    private final Outbox outbox;
    private final UnitLineageRepository lineage;

    public ProvinceEvents(Outbox outbox, UnitLineageRepository lineage) {
        this.outbox = outbox;
        this.lineage = lineage;
    }

    public void created(UnitVersion unit) {
        outbox.publish(AGGREGATE, unit.code, "province.created", new Created(UnitSnapshot.of(unit)));
        state(unit);
    }

    public void changed(UnitVersion previous, UnitVersion current) {
        outbox.publish(AGGREGATE, current.code, "province.changed",
                new Changed(UnitSnapshot.of(previous), UnitSnapshot.of(current)));
        state(previous);
        state(current);
    }

    /** The version's current state on the state topic; call it after the version and its lineage are written. */
    public void state(UnitVersion version) {
        outbox.publishState(AGGREGATE, version.code + "/" + version.validFrom, "province.unit-state",
                new UnitState(UnitSnapshot.of(version), lineage.predecessorsOf(version).stream().map(Predecessor::of)
                        .toList()));
    }

    /** One event per unit touched, keyed by its code, so each unit's events stay in order on one partition. */
    public void reorganized(LocalDate effectiveDate, UnitLineage.Kind kind, List<UnitVersion> predecessors,
            List<UnitVersion> successors) {
        Reorganized event = new Reorganized(effectiveDate, kind.name(),
                predecessors.stream().map(UnitSnapshot::of).toList(), successors.stream().map(UnitSnapshot::of).toList());
        Set<String> touched = new TreeSet<>();
        predecessors.forEach(version -> touched.add(version.code));
        successors.forEach(version -> touched.add(version.code));
        touched.forEach(code -> outbox.publish(AGGREGATE, code, "province.reorganized", event));
        predecessors.forEach(this::state);
        successors.forEach(this::state);
    }
}
