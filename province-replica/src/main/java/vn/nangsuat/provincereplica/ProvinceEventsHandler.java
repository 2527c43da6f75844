package vn.nangsuat.provincereplica;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.events.EventHandler;

/** Applies province.events to the replica, inside the inbox transaction service-kit opens for each event. */
@ApplicationScoped
public class ProvinceEventsHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ProvinceEventsHandler.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(ReplicaUnit unit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changed(ReplicaUnit previous, ReplicaUnit current) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reorganized(LocalDate effectiveDate, String kind, List<ReplicaUnit> predecessors, List<ReplicaUnit> successors) {
    }

    private final ProvinceReplica replica;
    private final ObjectMapper json;

    public ProvinceEventsHandler(ProvinceReplica replica, ObjectMapper json) {
        this.replica = replica;
        this.json = json;
    }

    @Override
    public String topic() {
        return "province.events";
    }

    @Override
    public void handle(CloudEvent event) throws Exception {
        try (Connection connection = replica.connection()) {
            if (event.is("province.created")) {
                Created created = json.treeToValue(event.data(), Created.class);
                require(created.unit() != null, "data.unit");
                replica.upsert(connection, created.unit(), event.id());
            } else if (event.is("province.changed")) {
                Changed changed = json.treeToValue(event.data(), Changed.class);
                require(changed.previous() != null && changed.current() != null, "data.previous and data.current");
                replica.upsert(connection, changed.previous(), event.id());
                replica.upsert(connection, changed.current(), event.id());
                replica.link(connection, changed.previous(), changed.current(), changed.current().validFrom(), "CHANGE");
            } else if (event.is("province.reorganized")) {
                Reorganized reorganized = json.treeToValue(event.data(), Reorganized.class);
                require(reorganized.effectiveDate() != null && reorganized.predecessors() != null
                        && reorganized.successors() != null, "data.effectiveDate, predecessors and successors");
                for (ReplicaUnit unit : reorganized.predecessors()) {
                    replica.upsert(connection, unit, event.id());
                }
                for (ReplicaUnit unit : reorganized.successors()) {
                    replica.upsert(connection, unit, event.id());
                }
                for (ReplicaUnit predecessor : reorganized.predecessors()) {
                    for (ReplicaUnit successor : reorganized.successors()) {
                        replica.link(connection, predecessor, successor, reorganized.effectiveDate(), reorganized.kind());
                    }
                }
            } else {
                // A type this release does not know (a newer version, say): recorded in the inbox, otherwise ignored.
                LOG.debugf("ignoring event type %s", event.type());
            }
        }
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new IllegalArgumentException("the event lacks " + what);
        }
    }
}
