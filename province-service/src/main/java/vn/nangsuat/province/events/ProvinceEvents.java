package vn.nangsuat.province.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import vn.nangsuat.kit.events.EventsConfig;
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

    /**
     * A version as it stands now, with every version it came from: complete, as compaction keeps only the latest.
     * {@code withdrawn}: the version no longer exists (a reverted reorganisation opened it); a replica drops it and its
     * lineage. Its revision is one more than the version's last, so it wins over every earlier state.
     */
    public record UnitState(UnitSnapshot unit, List<Predecessor> predecessors, boolean withdrawn) {
    }

    /**
     * A reorganisation was reverted: the versions it opened are withdrawn (they never existed) and those it closed are
     * in force again, as they were before it.
     */
    public record ReorganizationReverted(long reorganization, LocalDate effectiveDate, String kind,
            List<UnitSnapshot> reopened, List<UnitSnapshot> withdrawn) {
    }

    /** An event as published: its type and record key (what a dry run lists without publishing). */
    public record Published(String topic, String type, String key) {
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
    private final EventsConfig topics;

    public ProvinceEvents(Outbox outbox, UnitLineageRepository lineage, EventsConfig topics) {
        this.outbox = outbox;
        this.lineage = lineage;
        this.topics = topics;
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
        publishedState(version);
    }

    private Published publishedState(UnitVersion version) {
        String key = version.code + "/" + version.validFrom;
        outbox.publishState(AGGREGATE, key, "province.unit-state", new UnitState(UnitSnapshot.of(version),
                lineage.predecessorsOf(version).stream().map(Predecessor::of).toList(), false));
        return new Published(topics.stateTopic().orElseThrow(), "province.unit-state", key);
    }

    /**
     * One event per unit touched, keyed by its code, so each unit's events stay in order on one partition, then the
     * state of every version touched; returns what it published, in order.
     */
    public List<Published> reorganized(LocalDate effectiveDate, UnitLineage.Kind kind, List<UnitVersion> predecessors,
            List<UnitVersion> successors) {
        Reorganized event = new Reorganized(effectiveDate, kind.name(),
                predecessors.stream().map(UnitSnapshot::of).toList(), successors.stream().map(UnitSnapshot::of).toList());
        List<Published> published = new ArrayList<>();
        for (String code : touched(predecessors, successors)) {
            outbox.publish(AGGREGATE, code, "province.reorganized", event);
            published.add(new Published(topics.topic(), "province.reorganized", code));
        }
        predecessors.forEach(version -> published.add(publishedState(version)));
        successors.forEach(version -> published.add(publishedState(version)));
        return published;
    }

    /**
     * A reverted reorganisation: one event per unit touched, then the state of each version in force again and the
     * withdrawal of each version it had opened (call it once those are deleted, with them as they were).
     */
    public void reverted(long reorganization, LocalDate effectiveDate, UnitLineage.Kind kind, List<UnitVersion> reopened,
            List<UnitVersion> withdrawn) {
        ReorganizationReverted event = new ReorganizationReverted(reorganization, effectiveDate, kind.name(),
                reopened.stream().map(UnitSnapshot::of).toList(), withdrawn.stream().map(UnitSnapshot::of).toList());
        touched(reopened, withdrawn).forEach(code -> outbox.publish(AGGREGATE, code, "province.reorganization-reverted",
                event));
        reopened.forEach(this::publishedState);
        for (UnitVersion version : withdrawn) {
            UnitSnapshot last = UnitSnapshot.of(version);
            UnitSnapshot gone = new UnitSnapshot(last.code(), last.name(), last.kind(), last.region(), last.regionDerived(),
                    last.validFrom(), last.validTo(), last.revision() + 1);
            outbox.publishState(AGGREGATE, version.code + "/" + version.validFrom, "province.unit-state",
                    new UnitState(gone, List.of(), true));
        }
    }

    private static Set<String> touched(List<UnitVersion> some, List<UnitVersion> others) {
        Set<String> touched = new TreeSet<>();
        some.forEach(version -> touched.add(version.code));
        others.forEach(version -> touched.add(version.code));
        return touched;
    }
}
