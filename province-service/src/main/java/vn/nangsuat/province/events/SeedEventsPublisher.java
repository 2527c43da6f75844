package vn.nangsuat.province.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.nangsuat.province.domain.UnitLineage;
import vn.nangsuat.province.domain.UnitLineageRepository;
import vn.nangsuat.province.domain.UnitVersion;
import vn.nangsuat.province.domain.UnitVersionRepository;

/**
 * The seeded units (Flyway V2) came in without events, so other services' replicas would never hear of them.
 * Once per database, on the first start, this announces them in date order: `province.created` for each
 * version without a predecessor, then `province.changed` or `province.reorganized` for each version that has
 * predecessors. The marker row is inserted in the same transaction, so two instances starting together
 * announce once.
 */
@ApplicationScoped
public class SeedEventsPublisher {

    static final String MARKER = "seed-events";

    private final UnitVersionRepository versions;
    private final UnitLineageRepository lineage;
    private final ProvinceEvents events;
    private final EntityManager entityManager;

    public SeedEventsPublisher(UnitVersionRepository versions, UnitLineageRepository lineage, ProvinceEvents events,
            EntityManager entityManager) {
        this.versions = versions;
        this.lineage = lineage;
        this.events = events;
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
        Map<Long, UnitVersion> byId = versions.listAll().stream()
                .collect(Collectors.toMap(version -> version.id, Function.identity()));
        Map<Long, List<UnitLineage>> linksBySuccessor = lineage.listAll().stream()
                .collect(Collectors.groupingBy(link -> link.key.successorId()));
        List<UnitVersion> inDateOrder = byId.values().stream()
                .sorted(Comparator.comparing((UnitVersion v) -> v.validFrom).thenComparing(v -> v.code)).toList();
        for (UnitVersion version : inDateOrder) {
            List<UnitLineage> links = linksBySuccessor.get(version.id);
            if (links == null) {
                events.created(version);
                continue;
            }
            List<UnitVersion> predecessors = links.stream().map(link -> byId.get(link.key.predecessorId())).toList();
            UnitLineage first = links.get(0);
            if (first.kind == UnitLineage.Kind.CHANGE) {
                events.changed(predecessors.get(0), version);
            } else {
                events.reorganized(first.effectiveDate, first.kind, predecessors, List.of(version));
            }
        }
    }
}
