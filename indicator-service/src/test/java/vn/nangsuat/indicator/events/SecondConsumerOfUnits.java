package vn.nangsuat.indicator.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.events.EventHandler;

/**
 * A second consumer of province.units in the same service, as a future feature may add one: it must see every
 * event the replica sees, with an inbox of its own.
 */
@ApplicationScoped
public class SecondConsumerOfUnits implements EventHandler {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public String consumer() {
        return "test-second-consumer";
    }

    @Override
    public String topic() {
        return ReplicaFixtures.TOPIC;
    }

    @Override
    public void handle(CloudEvent event) {
        seen.add(event.id());
    }

    boolean saw(String eventId) {
        return seen.contains(eventId);
    }
}
