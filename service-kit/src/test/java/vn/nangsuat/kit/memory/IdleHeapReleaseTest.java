package vn.nangsuat.kit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** When an idle service gives its heap back, and that the VM's own bounds survive it: plain rules, no infrastructure. */
class IdleHeapReleaseTest {

    private static final long MB = 1 << 20;

    @Test
    void aHeapThatGrewIsReleasedOnceTheServiceIsQuietAndOnlyOnce() {
        IdleHeapRelease.QuietAfterGrowth rule = new IdleHeapRelease.QuietAfterGrowth(16 * MB);
        assertFalse(rule.releaseNow(3, 120 * MB), "the first look has nothing to compare with");
        assertFalse(rule.releaseNow(9, 120 * MB), "collections ran since the last look: the service is busy");
        assertTrue(rule.releaseNow(9, 120 * MB), "no collection since the last look, and the heap grew");
        rule.released(10, 40 * MB);
        assertFalse(rule.releaseNow(10, 40 * MB), "quiet again, but nothing grew since the release");
        assertFalse(rule.releaseNow(14, 50 * MB), "light load: collections, growth under the threshold");
        assertFalse(rule.releaseNow(14, 50 * MB), "quiet after a growth not worth a pause");
        assertFalse(rule.releaseNow(30, 110 * MB), "the next burst");
        assertTrue(rule.releaseNow(30, 110 * MB), "quiet after it: released again");
    }

    @Test
    void aReleaseLeavesTheHeapBoundsAsTheOperatorSetThem() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        IdleHeapRelease.release();
        assertEquals(minFree, vm.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals(maxFree, vm.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
