package vn.nangsuat.kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a snapshot loads again, and what a read gets meanwhile: plain rules, no infrastructure. */
class SnapshotTest {

    @Test
    void aReadNeverLoadsOnceLoadedAChangeIsLoadedByRefresh() {
        AtomicInteger loads = new AtomicInteger();
        Snapshot<Integer> snapshot = new Snapshot<>(loads::incrementAndGet);
        assertEquals(1, snapshot.get(), "the first read loads, when nothing was loaded yet");
        snapshot.invalidate();
        assertTrue(snapshot.stale());
        assertEquals(1, snapshot.get(), "a read serves what is held: it never loads on the request's thread");
        snapshot.refresh();
        assertFalse(snapshot.stale());
        assertEquals(2, snapshot.get());
        snapshot.refresh();
        assertEquals(2, loads.get(), "a refresh of what did not change loads nothing");
    }

    @Test
    void theTagChangesWithTheDataServedNotBefore() {
        Snapshot<Integer> snapshot = new Snapshot<>(() -> 1);
        String unloaded = snapshot.tag();
        snapshot.get();
        String loaded = snapshot.tag();
        assertNotEquals(unloaded, loaded, "a tag taken before the first load is not the loaded data's");
        snapshot.get();
        assertEquals(loaded, snapshot.tag(), "reading changes nothing");
        snapshot.invalidate();
        assertEquals(loaded, snapshot.tag(), "the data served has not changed yet");
        snapshot.refresh();
        assertNotEquals(loaded, snapshot.tag());
        assertNotEquals(new Snapshot<>(() -> 1).tag(), new Snapshot<>(() -> 1).tag(), "each snapshot tags its own");
    }

    @Test
    void aLoadOverlappingAChangeIsServedButStaysStaleUntilLoadedAgain() {
        AtomicInteger loads = new AtomicInteger();
        AtomicReference<Snapshot<Integer>> self = new AtomicReference<>();
        // The first load sees the data just before a write commits and invalidates: it must be loaded again.
        Snapshot<Integer> snapshot = new Snapshot<>(() -> {
            int load = loads.incrementAndGet();
            if (load == 1) {
                self.get().invalidate();
            }
            return load;
        });
        self.set(snapshot);
        assertEquals(1, snapshot.get());
        assertTrue(snapshot.stale(), "the load overlapped a change");
        snapshot.refresh();
        assertEquals(2, snapshot.get());
        assertFalse(snapshot.stale());
    }
}
