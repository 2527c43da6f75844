package vn.nangsuat.plan.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.nangsuat.http.Text;
import vn.nangsuat.kit.cache.Snapshot;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.kit.problem.ProblemException;
import vn.nangsuat.kit.web.Preconditions;

/**
 * Reads of the national goals. They change a few times a year, so reads are answered from a snapshot in memory,
 * sorted by year then code, loaded again after each change of a goal (see service-kit Snapshots).
 */
@Startup  // made at start, so its snapshot is loaded then, never by a request
@ApplicationScoped
public class NationalGoals {

    /** The aggregate type of goal events; snapshots of goals follow it. */
    public static final String AGGREGATE = "national-goal";

    private final Snapshot<List<NationalGoal>> all;

    public NationalGoals(NationalGoalRepository goals, Snapshots snapshots) {
        this.all = snapshots.of("national goals", () -> goals.forYear(null).list(), AGGREGATE);
    }

    /** The tag of the data that reads from now on see, for the ETag of a list (see service-kit Snapshot#tag). */
    public String tag() {
        return all.tag();
    }

    /** The ETag of a goal as read: its row version and the country's progress towards it. */
    public static String tag(NationalGoal goal, NationalProgress.GoalProgress progress) {
        return Preconditions.etag(goal.etag(), progress);
    }

    public NationalGoal goal(String code, int year) {
        return all.get().stream().filter(goal -> goal.key.code().equals(code) && goal.key.year() == year).findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        new Text("No national goal " + code + " for " + year,
                                "Không có mục tiêu quốc gia " + code + " cho năm " + year)));
    }

    /** Every goal, by year then code. */
    public List<NationalGoal> all() {
        return all.get();
    }
}
