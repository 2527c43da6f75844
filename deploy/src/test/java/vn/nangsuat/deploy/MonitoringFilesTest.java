package vn.nangsuat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring in the shape Prometheus and Grafana load: every rule an alert with an expression, a severity and
 * a summary; every dashboard panel a query. That every metric they name is served is checked against the running
 * system in the e2e run (SystemIT).
 */
class MonitoringFilesTest {

    @Test
    void everyAlertRuleHasAnExpressionASeverityAndASummary() {
        Map<String, Object> rules = Repository.yaml(Repository.file("deploy/monitoring/prometheus-alerts.yaml")).get(0);
        List<String> wrong = new ArrayList<>();
        int count = 0;
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object item : (List<?>) Repository.map(group).get("rules")) {
                Map<String, Object> rule = Repository.map(item);
                count++;
                assertEquals(Set.of(), Set.copyOf(rule.keySet()).stream()
                        .filter(key -> !Set.of("alert", "expr", "for", "labels", "annotations").contains(key))
                        .collect(java.util.stream.Collectors.toSet()), "keys Prometheus does not know: " + rule);
                String name = String.valueOf(rule.get("alert"));
                if (!name.startsWith("Nangsuat") || String.valueOf(rule.get("expr")).isBlank()) {
                    wrong.add(name + ": a name and an expression");
                }
                Object severity = Repository.map(rule.get("labels")).get("severity");
                if (!Set.of("critical", "warning", "info").contains(severity)) {
                    wrong.add(name + ": severity " + severity);
                }
                if (Repository.map(rule.get("annotations")).get("summary") == null) {
                    wrong.add(name + ": no summary");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(count >= 10, "alerts for events, the gateway and the services: " + count);
    }

    @Test
    void everyDashboardPanelHasAQuery() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Repository.file("deploy/monitoring/grafana-dashboard.json").toFile());
        assertEquals("nangsuat-operations", dashboard.path("uid").asText());
        assertFalse(dashboard.path("panels").isEmpty());
        for (JsonNode panel : dashboard.path("panels")) {
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                assertFalse(target.path("expr").asText().isBlank(), panel.path("title").asText());
            }
        }
    }
}
