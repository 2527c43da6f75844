package vn.nangsuat.kit.cache;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Data a service reads often and changes a few times a year (units, definitions, goals, a replica), held in memory
 * whole. A read never touches the database (but the very first, when nothing was loaded yet): loading again is done by
 * whoever learns of a change, right after it, with no connection of a request held ({@link Snapshots}). So a request
 * that already holds a pooled connection never needs a second one for a snapshot.
 * {@link #invalidate()} says the data changed; {@link #refresh()} loads it again if it did. A load that overlaps an
 * invalidation is kept but stays stale, so the next refresh loads again.
 */
public final class Snapshot<T> {

    private record Held<T>(T value, long generation) {
    }

    private final Supplier<T> loader;
    private final String instance = Long.toHexString(new SecureRandom().nextLong());
    private final AtomicLong generation = new AtomicLong();
    private volatile Held<T> held;
    /** When what is held stopped being current ({@link System#nanoTime()}); 0 while it is current. */
    private final AtomicLong staleSince = new AtomicLong();

    Snapshot(Supplier<T> loader) {
        this.loader = loader;
    }

    /** The data as last loaded; loaded now only when it never was. */
    public T get() {
        Held<T> current = held;
        if (current != null) {
            return current.value();
        }
        synchronized (this) {
            return held != null ? held.value() : load().value();
        }
    }

    /**
     * A tag that changes whenever the data served does: this instance's snapshot and the generation of what it holds
     * (another instance gives other tags: a client going from one to the other just gets a 200). Take it before
     * reading the data, so that a reload in between gives the next request a newer tag, never an older answer under a
     * newer tag.
     */
    public String tag() {
        Held<T> current = held;
        return instance + "-" + (current == null ? -1 : current.generation());
    }

    /** The data changed: the next {@link #refresh()} loads it again. */
    public void invalidate() {
        generation.incrementAndGet();
        staleSince.compareAndSet(0, System.nanoTime());
    }

    /** How long what is served has not been current (zero when it is): how far behind the data this snapshot is. */
    public Duration behind() {
        long since = staleSince.get();
        return since == 0 || !stale() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    /** Whether anything was ever loaded. */
    boolean loaded() {
        return held != null;
    }

    /** The data as last loaded, or null when nothing was: a read that must not load (on the event loop). */
    T ifLoaded() {
        Held<T> current = held;
        return current == null ? null : current.value();
    }

    /** Whether the data changed since it was last loaded (or was never loaded). */
    public boolean stale() {
        Held<T> current = held;
        return current == null || current.generation() != generation.get();
    }

    /** Loads the data again when it changed since the last load (one loader at a time). */
    public synchronized void refresh() {
        if (stale()) {
            load();
        }
    }

    private Held<T> load() {
        long asked = generation.get();
        long since = staleSince.get();
        Held<T> loaded = new Held<>(loader.get(), asked);
        held = loaded;
        if (generation.get() == asked) {
            staleSince.compareAndSet(since, 0);  // current now; a change during the load keeps it stale
        }
        return loaded;
    }
}
