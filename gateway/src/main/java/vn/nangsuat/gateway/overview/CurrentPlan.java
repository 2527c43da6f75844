package vn.nangsuat.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a unit's plans its overview shows: one whose years cover the year asked about, never a withdrawn one;
 * among several, the one furthest along (in progress, approved, submitted, returned, draft, completed), then the one
 * begun latest, then the newest. None covering the year: no current plan. Pure: reads plan-service's Plan JSON.
 */
final class CurrentPlan {

    /** States by how far along a plan is that is meant to be carried out now; WITHDRAWN is never current. */
    private static final List<String> PREFERENCE = List.of("IN_PROGRESS", "APPROVED", "SUBMITTED", "RETURNED", "DRAFT",
            "COMPLETED");

    private CurrentPlan() {
    }

    static Optional<JsonNode> of(Iterable<JsonNode> plans, int year) {
        Comparator<JsonNode> preferred = Comparator.<JsonNode>comparingInt(plan -> PREFERENCE.indexOf(plan.path("state").asText()))
                .thenComparing(Comparator.<JsonNode>comparingInt(plan -> plan.path("startYear").asInt()).reversed())
                .thenComparing(Comparator.<JsonNode>comparingLong(plan -> plan.path("id").asLong()).reversed());
        JsonNode best = null;
        for (JsonNode plan : plans) {
            boolean covers = plan.path("startYear").asInt() <= year && year <= plan.path("endYear").asInt();
            if (covers && PREFERENCE.contains(plan.path("state").asText())
                    && (best == null || preferred.compare(plan, best) < 0)) {
                best = plan;
            }
        }
        return Optional.ofNullable(best);
    }
}
