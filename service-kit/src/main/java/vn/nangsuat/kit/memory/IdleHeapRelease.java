package vn.nangsuat.kit.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.concurrent.Background;

/**
 * Gives back to the system the heap a burst made the service take, once the service is quiet. Under an import or 64
 * clients the heap grows (the VM keeps 40 to 70 % of it free after a collection, so a burst does not collect back to
 * back); the serial collector shrinks it only at a full collection, which an idle service never makes, so without this
 * a service kept for hours the 100 MB one burst took. When no collection ran during the last {@code quietFor} (the
 * service allocates next to nothing) and the heap is more than {@link #WORTH_RELEASING} above what the last release
 * left, one full collection runs with the heap's free share held at 10 to 20 % (the VM's own bounds are put back right
 * after), and the serial collector gives the rest back (with {@code -XX:-ShrinkHeapInSteps}, at once). The cost is one
 * pause of some 100 ms on a service nobody is using. Under the serial collector only, which the services run with:
 * the JDK's G1 does the same on its own ({@code G1PeriodicGCInterval}).
 */
@ApplicationScoped
public class IdleHeapRelease {

    private static final Logger LOG = Logger.getLogger(IdleHeapRelease.class);

    /** Growth of the committed heap since the last release below which a release is not worth its pause. */
    static final long WORTH_RELEASING = 16L << 20;
    /** The free share of the heap a release leaves: enough that the next requests do not collect at once. */
    static final String RELEASE_MIN_FREE = "10";
    static final String RELEASE_MAX_FREE = "20";

    private final Duration quietFor;
    private final QuietAfterGrowth rule = new QuietAfterGrowth(WORTH_RELEASING);
    private ScheduledExecutorService timer;

    public IdleHeapRelease(@ConfigProperty(name = "kit.memory.release-idle-heap-after") Duration quietFor) {
        this.quietFor = quietFor;
    }

    void start(@Observes StartupEvent startup) {
        if (quietFor.isZero() || quietFor.isNegative() || !serialCollector()) {
            return;
        }
        timer = Background.singleThread("idle-heap-release");
        timer.scheduleWithFixedDelay(this::look, quietFor.toMillis(), quietFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void look() {
        try {
            long committed = heapCommitted();
            if (rule.releaseNow(collections(), committed)) {
                release();
                long released = heapCommitted();
                rule.released(collections(), released);
                LOG.debugf("Quiet for %s: heap released from %d to %d MB", quietFor, committed >> 20, released >> 20);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not release the idle heap", e);
        }
    }

    /** One full collection with the heap's free share held low, then the VM's bounds as they were. */
    static void release() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        try {
            // The VM refuses a minimum above the maximum: lower the minimum first, raise the maximum first after.
            vm.setVMOption("MinHeapFreeRatio", RELEASE_MIN_FREE);
            vm.setVMOption("MaxHeapFreeRatio", RELEASE_MAX_FREE);
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", maxFree);
            vm.setVMOption("MinHeapFreeRatio", minFree);
        }
    }

    /**
     * Only the serial collector needs this: G1 gives memory back on its own (G1PeriodicGCInterval), and its full
     * collection of a large heap (a test JVM's, shared by every test application) would be a long pause.
     */
    private static boolean serialCollector() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(collector -> collector.getName().equals("MarkSweepCompact"));
    }

    private static long collections() {
        long count = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
        }
        return count;
    }

    private static long heapCommitted() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /**
     * When to release, as a plain rule: the service was quiet since the last look (no collection ran) and its heap grew
     * by more than {@code worthReleasing} since the last release. Under a steady light load the heap does not grow, so
     * it is released once, not at every pause between two requests.
     */
    static final class QuietAfterGrowth {

        private final long worthReleasing;
        private long collectionsSeen = -1;
        private long committedAfterRelease;

        QuietAfterGrowth(long worthReleasing) {
            this.worthReleasing = worthReleasing;
        }

        boolean releaseNow(long collections, long committed) {
            boolean quiet = collections == collectionsSeen;
            collectionsSeen = collections;
            return quiet && committed > committedAfterRelease + worthReleasing;
        }

        void released(long collections, long committed) {
            collectionsSeen = collections;
            committedAfterRelease = committed;
        }
    }
}
