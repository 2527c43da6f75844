package vn.nangsuat.kit.cache;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Data a service reads often and changes a few times a year (units, definitions, goals), held in memory whole
 * and loaded again after it changes. {@link #invalidate()} is called after every commit that changes it, in this
 * instance and (through the service's own events) in every other, so a read that begins after the change sees it.
 * A load that overlaps an invalidation is handed to its reader but not kept.
 */
public final class Snapshot<T> {

    private record Held<T>(T value, long generation) {
    }

    private final Supplier<T> loader;
    private final String instance = Long.toHexString(new SecureRandom().nextLong());
    private final AtomicLong generation = new AtomicLong();
    private volatile Held<T> held;

    Snapshot(Supplier<T> loader) {
        this.loader = loader;
    }

    /** The data as last loaded, or loaded now when it changed since (one loader at a time). */
    public T get() {
        Held<T> current = held;
        if (current != null && current.generation() == generation.get()) {
            return current.value();
        }
        synchronized (this) {
            current = held;
            long asked = generation.get();
            if (current != null && current.generation() == asked) {
                return current.value();
            }
            T value = loader.get();
            if (generation.get() == asked) {
                held = new Held<>(value, asked);
            }
            return value;
        }
    }

    /**
     * A tag that changes whenever the data may have: this instance's snapshot and its generation (another instance
     * gives other tags: a client going from one to the other just gets a 200). Take it before reading the data, so
     * that a change in between gives the next request a newer tag, never an older answer under a newer tag.
     */
    public String tag() {
        return instance + "-" + generation.get();
    }

    /** The data changed: the next read loads it again. */
    public void invalidate() {
        generation.incrementAndGet();
    }
}
