package vn.nangsuat.provincereplica;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import vn.nangsuat.kit.events.UnusableEvent;

/**
 * A unit version as province.units carries it (the `UnitSnapshot` of the AsyncAPI document). Read with
 * unknown fields ignored, so province-service can add fields without breaking its consumers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicaUnit(String code, String name, String kind, String region, boolean regionDerived,
        LocalDate validFrom, LocalDate validTo, int revision) {

    void requireComplete() {
        if (code == null || name == null || kind == null || validFrom == null) {
            throw new UnusableEvent("a unit needs code, name, kind and validFrom: " + this);
        }
    }
}
