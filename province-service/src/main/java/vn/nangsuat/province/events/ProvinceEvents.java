package vn.nangsuat.province.events;

import java.time.LocalDate;
import java.util.List;
import vn.nangsuat.province.domain.UnitVersion;

/**
 * What province-service publishes on `province.events` (CloudEvents type `vn.nangsuat.<name>.v1`, key = the
 * unit code). The payloads are documented in the AsyncAPI document (`/asyncapi.yaml`).
 */
public final class ProvinceEvents {

    public static final String AGGREGATE = "province";
    public static final String CREATED = "province.created";
    public static final String CHANGED = "province.changed";
    public static final String REORGANIZED = "province.reorganized";

    private ProvinceEvents() {
    }

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

    public static Created created(UnitVersion unit) {
        return new Created(UnitSnapshot.of(unit));
    }

    public static Changed changed(UnitVersion previous, UnitVersion current) {
        return new Changed(UnitSnapshot.of(previous), UnitSnapshot.of(current));
    }

    public static Reorganized reorganized(LocalDate effectiveDate, String kind, List<UnitVersion> predecessors,
            List<UnitVersion> successors) {
        return new Reorganized(effectiveDate, kind, predecessors.stream().map(UnitSnapshot::of).toList(),
                successors.stream().map(UnitSnapshot::of).toList());
    }
}
