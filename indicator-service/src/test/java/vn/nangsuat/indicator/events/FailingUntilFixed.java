package vn.nangsuat.indicator.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.events.EventHandler;

/**
 * A consumer of province.units with a bug: it throws on the events a test names, until the test "deploys the fix".
 * It keeps the order in which its events were applied (committed), so a test can tell a replay kept each key's order.
 */
@ApplicationScoped
public class FailingUntilFixed implements EventHandler {

    private final Set<String> hitByTheBug = ConcurrentHashMap.newKeySet();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private volatile boolean fixed;

    @Override
    public String consumer() {
        return "test-failing-until-fixed";
    }

    @Override
    public String topic() {
        return ReplicaFixtures.TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        if (!fixed && hitByTheBug.contains(event.id())) {
            throw new IllegalStateException("a bug this event hits");
        }
    }

    /** Noted once the transaction committed: a chunk that failed part-way and was taken one by one counts once. */
    @Override
    public void applied(CloudEvent event) {
        applied.add(event.id());
    }

    void breaksOn(String eventId) {
        hitByTheBug.add(eventId);
    }

    void fix() {
        fixed = true;
    }

    /** The ids of these events it applied, in the order it applied them. */
    List<String> appliedOf(List<String> eventIds) {
        return applied.stream().filter(eventIds::contains).toList();
    }
}
