package vn.nangsuat.province.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.province.domain.UnitLineage;
import vn.nangsuat.province.domain.UnitLineageRepository;
import vn.nangsuat.province.domain.UnitVersion;
import vn.nangsuat.province.domain.UnitVersionRepository;

/**
 * The seeded units (Flyway V2) came in without events, so other services' replicas would never hear of them.
 * Once per database, on the first start, this announces them: `province.created` for each version without a
 * predecessor, then, in date order, `province.changed` or `province.reorganized` for each change of the seed.
 * The marker row is inserted in the same transaction, so two instances starting together announce once.
 */
@ApplicationScoped
public class SeedEventsPublisher {

    static final String MARKER = "seed-events";

    private final UnitVersionRepository versions;
    private final UnitLineageRepository lineage;
    private final Outbox outbox;
    private final EntityManager entityManager;

    public SeedEventsPublisher(UnitVersionRepository versions, UnitLineageRepository lineage, Outbox outbox,
            EntityManager entityManager) {
        this.versions = versions;
        this.lineage = lineage;
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent startup) {
        QuarkusTransaction.requiringNew().run(this::announceOnce);
    }

    private void announceOnce() {
        int inserted = entityManager.createNativeQuery("INSERT IGNORE INTO published_marker (name) VALUES (?1)")
                .setParameter(1, MARKER).executeUpdate();
        if (inserted == 0) {
            return;
        }
        Map<Long, UnitVersion> byId = new LinkedHashMap<>();
        versions.listAll().stream().sorted(Comparator.comparing((UnitVersion v) -> v.validFrom).thenComparing(v -> v.code))
                .forEach(version -> byId.put(version.id, version));
        List<UnitLineage> links = lineage.listAll();
        java.util.Set<Long> successors = new java.util.HashSet<>();
        links.forEach(link -> successors.add(link.key.successorId()));
        for (UnitVersion version : byId.values()) {
            if (!successors.contains(version.id)) {
                outbox.publish(ProvinceEvents.AGGREGATE, version.code, ProvinceEvents.CREATED, ProvinceEvents.created(version));
            }
        }
        // Group the links by successor, in the order the successors began.
        Map<Long, List<UnitLineage>> intoSuccessor = new LinkedHashMap<>();
        byId.keySet().forEach(id -> links.stream().filter(l -> l.key.successorId().equals(id))
                .forEach(l -> intoSuccessor.computeIfAbsent(id, k -> new ArrayList<>()).add(l)));
        for (Map.Entry<Long, List<UnitLineage>> entry : intoSuccessor.entrySet()) {
            UnitVersion successor = byId.get(entry.getKey());
            List<UnitVersion> predecessors = entry.getValue().stream().map(l -> byId.get(l.key.predecessorId())).toList();
            UnitLineage.Kind kind = entry.getValue().get(0).kind;
            LocalDate effective = entry.getValue().get(0).effectiveDate;
            if (kind == UnitLineage.Kind.CHANGE) {
                outbox.publish(ProvinceEvents.AGGREGATE, successor.code, ProvinceEvents.CHANGED,
                        ProvinceEvents.changed(predecessors.get(0), successor));
            } else {
                var event = ProvinceEvents.reorganized(effective, kind.name(), predecessors, List.of(successor));
                java.util.Set<String> touched = new java.util.TreeSet<>();
                predecessors.forEach(p -> touched.add(p.code));
                touched.add(successor.code);
                touched.forEach(code -> outbox.publish(ProvinceEvents.AGGREGATE, code, ProvinceEvents.REORGANIZED, event));
            }
        }
    }
}
