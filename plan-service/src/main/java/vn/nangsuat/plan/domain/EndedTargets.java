package vn.nangsuat.plan.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.nangsuat.kit.concurrent.Background;

/**
 * A target's progress is recomputed when a value of its series changes; when its year ends with no new value, it
 * would go on reading as paced. Every hour (and shortly after start) the targets whose year is over and whose
 * progress still reads ON_TRACK, NEEDS_ACCELERATION or OFF_TRACK are judged (ACHIEVED or NOT_ACHIEVED). Idempotent:
 * every instance may do it, a judged target is not judged again.
 */
@ApplicationScoped
public class EndedTargets {

    private static final Logger LOG = Logger.getLogger(EndedTargets.class);

    private final ProgressTracker tracker;
    private ScheduledExecutorService schedule;

    public EndedTargets(ProgressTracker tracker) {
        this.tracker = tracker;
    }

    void start(@Observes StartupEvent startup) {
        schedule = Background.singleThread("ended-targets");
        schedule.scheduleWithFixedDelay(this::judge, 30, 3600, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void judge() {
        try {
            int judged = tracker.judgeEnded();
            if (judged > 0) {
                LOG.infof("%d targets whose year is over were judged", judged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("targets whose year is over will be judged at the next round: %s", e.toString());
        }
    }
}
