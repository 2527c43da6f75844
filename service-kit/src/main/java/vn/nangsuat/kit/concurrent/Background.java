package vn.nangsuat.kit.concurrent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background work of a service (a relay, a heartbeat, a sweep): on one named daemon thread, which never holds the JVM up. */
public final class Background {

    private Background() {
    }

    public static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
