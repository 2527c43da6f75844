package vn.nangsuat.provincereplica;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.events.EventHandler;
import vn.nangsuat.kit.events.UnusableEvent;

/**
 * Keeps the replica from `province.units`, the compacted topic where province-service keeps the latest state
 * of every unit version with the versions it came from. Read whole at every start, so a replica whose
 * database is new or rebuilt converges by itself, however long ago the units were created.
 */
@ApplicationScoped
public class ProvinceUnitsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ProvinceUnitsHandler.class);

    /** A predecessor of the version: it became (part of) this one on the effective date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Predecessor(String code, LocalDate validFrom, LocalDate effectiveDate, String kind) {
    }

    /** {@code withdrawn}: the version no longer exists (a reverted reorganisation had opened it). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitState(ReplicaUnit unit, List<Predecessor> predecessors, boolean withdrawn) {
    }

    private final ProvinceReplica replica;
    private final ObjectMapper json;
    private final String topic;

    public ProvinceUnitsHandler(ProvinceReplica replica, ObjectMapper json,
            @ConfigProperty(name = "province-replica.topic", defaultValue = "province.units") String topic) {
        this.replica = replica;
        this.json = json;
        this.topic = topic;
    }

    @Override
    public String consumer() {
        return "province-replica";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Reading reading() {
        return Reading.WHOLE_TOPIC_ON_START;
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        if (!event.is("province.unit-state")) {
            // A type this release does not know (a newer version, say): recorded in the inbox, otherwise ignored.
            LOG.debugf("ignoring event type %s", event.type());
            return;
        }
        UnitState state = json.treeToValue(event.data(), UnitState.class);
        if (state.unit() == null) {
            throw new UnusableEvent("the event lacks data.unit");
        }
        state.unit().requireComplete();
        try (Connection connection = replica.connection()) {
            if (state.withdrawn()) {
                replica.withdraw(connection, state.unit());
                return;
            }
            replica.upsert(connection, state.unit(), event.id());
            for (Predecessor predecessor : state.predecessors() == null ? List.<Predecessor>of() : state.predecessors()) {
                if (predecessor.code() == null || predecessor.validFrom() == null || predecessor.effectiveDate() == null
                        || predecessor.kind() == null) {
                    throw new UnusableEvent("a predecessor needs code, validFrom, effectiveDate and kind: " + predecessor);
                }
                replica.link(connection, predecessor.code(), predecessor.validFrom(), state.unit(),
                        predecessor.effectiveDate(), predecessor.kind());
            }
        }
    }

    @Override
    public void applied(CloudEvent event) {
        replica.changed();
    }
}
