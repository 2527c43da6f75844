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
import vn.nangsuat.province.domain.UnitKind;
import vn.nangsuat.province.domain.UnitLineage;
import vn.nangsuat.province.domain.UnitLineageRepository;
import vn.nangsuat.province.domain.UnitVersion;
import vn.nangsuat.province.domain.UnitVersionRepository;

/**
 * The seeded units (Flyway V2) came in without events, so other services would never hear of them. Once per
 * database, on the first start, this announces them in date order: `province.created` for each version without
 * a predecessor, then `province.changed` or `province.reorganized` for each version that has predecessors; and,
 * once per database too (also for databases announced before the state topic existed), the state of every
 * version on `province.units`. Each marker row is inserted in the same transaction as its events, so two
 * instances starting together announce once.
 */
@ApplicationScoped
public class SeedEventsPublisher {

    static final String MARKER = "seed-events";
    static final String STATES_MARKER = "unit-states";
    /** The country (V9), announced once on a database that had announced the seed before it came. */
    static final String NATION_MARKER = "national-unit";

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
        QuarkusTransaction.requiringNew().run(this::announceStatesOnce);
        QuarkusTransaction.requiringNew().run(this::announceNationOnce);
    }

    private void announceNationOnce() {
        if (firstTime(NATION_MARKER)) {
            versions.listAll().stream().filter(version -> version.kind == UnitKind.COUNTRY).forEach(version -> {
                events.created(version);
                events.state(version);
            });
        }
    }

    private boolean firstTime(String marker) {
        return entityManager.createNativeQuery("INSERT IGNORE INTO published_marker (name) VALUES (?1)")
                .setParameter(1, marker).executeUpdate() == 1;
    }

    private void announceStatesOnce() {
        if (firstTime(STATES_MARKER)) {
            versions.listAll().forEach(events::state);
        }
    }

    private void announceOnce() {
        if (!firstTime(MARKER)) {
            return;
        }
        firstTime(NATION_MARKER);  // the country is among the versions announced here
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
