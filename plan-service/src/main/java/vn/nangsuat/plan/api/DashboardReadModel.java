package vn.nangsuat.plan.api;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import vn.nangsuat.kit.cache.ReadModel;
import vn.nangsuat.kit.cache.Snapshots;
import vn.nangsuat.plan.domain.Dashboard;
import vn.nangsuat.plan.events.PlanEvents;
import vn.nangsuat.provincereplica.ProvinceReplica;

/**
 * The dashboard as frontends read it all day, kept current: computed again when a plan, a target, a task, a progress
 * (all published as plan events) or a unit changes, never at a read. A new day is a new key: the units in force on it.
 */
@Startup
@ApplicationScoped
public class DashboardReadModel {

    private final Clock clock = Clock.systemUTC();
    private final ReadModel<LocalDate, DashboardView> days;

    public DashboardReadModel(Dashboard dashboard, Snapshots snapshots) {
        this.days = snapshots.readModel("dashboard", day -> DashboardView.of(day, dashboard.on(day)),
                PlanEvents.AGGREGATE, PlanEvents.TARGET_PROGRESS, ProvinceReplica.AGGREGATE);
        days.hold(LocalDate.now(clock));
    }

    /** Today's dashboard as last computed, on the calling thread when held (see {@link ReadModel#answer}). */
    public Uni<ReadModel.Answer<DashboardView>> today() {
        return days.answer(LocalDate.now(clock));
    }
}
