package vn.nangsuat.plan.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The year progress is assessed in: the current one (UTC, as the service's other dates). A target or goal whose year
 * is before it is judged, ACHIEVED or NOT_ACHIEVED, instead of paced ({@link ProgressRule}). One place, so a test can
 * replay how progress read in an earlier year.
 */
@ApplicationScoped
public class AssessmentYear {

    private final Clock clock = Clock.systemUTC();

    public int now() {
        return LocalDate.now(clock).getYear();
    }
}
