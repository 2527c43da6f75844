package vn.nangsuat.kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a snapshot loads again, and when it must not keep what it loaded: plain rules, no infrastructure. */
class SnapshotTest {

    @Test
    void readsShareOneLoadUntilTheDataChanges() {
        AtomicInteger loads = new AtomicInteger();
        Snapshot<Integer> snapshot = new Snapshot<>(loads::incrementAndGet);
        assertEquals(1, snapshot.get());
        assertEquals(1, snapshot.get());
        snapshot.invalidate();
        assertEquals(2, snapshot.get());
        assertEquals(2, snapshot.get());
        assertEquals(2, loads.get());
    }

    @Test
    void theTagStaysWhileTheDataDoesAndChangesWithIt() {
        Snapshot<Integer> snapshot = new Snapshot<>(() -> 1);
        String before = snapshot.tag();
        snapshot.get();
        assertEquals(before, snapshot.tag(), "reading changes nothing");
        snapshot.invalidate();
        assertNotEquals(before, snapshot.tag());
        assertNotEquals(new Snapshot<>(() -> 1).tag(), new Snapshot<>(() -> 1).tag(), "each snapshot tags its own");
    }

    @Test
    void aLoadOverlappingAChangeIsNotKept() {
        AtomicInteger loads = new AtomicInteger();
        AtomicReference<Snapshot<Integer>> self = new AtomicReference<>();
        // The first load sees the data just before a write commits and invalidates: it must not be kept.
        Snapshot<Integer> snapshot = new Snapshot<>(() -> {
            int load = loads.incrementAndGet();
            if (load == 1) {
                self.get().invalidate();
            }
            return load;
        });
        self.set(snapshot);
        assertEquals(1, snapshot.get(), "the reader who started before the change gets what was loaded");
        assertEquals(2, snapshot.get(), "the next reader does not get the load that overlapped the change");
        assertEquals(2, snapshot.get());
    }
}
