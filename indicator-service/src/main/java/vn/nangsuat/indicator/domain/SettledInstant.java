package vn.nangsuat.indicator.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nangsuat.http.Text;
import vn.nangsuat.indicator.imports.ImportJobRepository;
import vn.nangsuat.kit.problem.ProblemException;

/**
 * The latest instant whose revisions are all committed, so that what was recorded by then can no longer change: a
 * revision carries the instant its transaction took, which commits a moment later (an import's, when its whole commit
 * ends). It is `settle` ago (OBSERVATIONS_FEED_SETTLE, longer than a write's transaction), and never past the start of
 * an import's commit still running. The change feed serves up to it, and an `asOf` read is answered only up to it: an
 * answer as of an instant never changes afterwards.
 */
@ApplicationScoped
public class SettledInstant {

    private final ImportJobRepository imports;
    private final Duration settle;
    private final Duration staleAfter;

    public SettledInstant(ImportJobRepository imports,
            @ConfigProperty(name = "observations.feed-settle") Duration settle,
            @ConfigProperty(name = "imports.stale-after") Duration staleAfter) {
        this.imports = imports;
        this.settle = settle;
        this.staleAfter = staleAfter;
    }

    public Instant now() {
        Instant now = Instant.now();
        Instant settled = now.minus(settle);
        Instant running = imports.earliestRunningCommit(now.minus(staleAfter)).orElse(settled);
        return running.isBefore(settled) ? running : settled;
    }

    /**
     * The instant an `asOf` read is answered for: now for none (the values as they stand), else `asOf` itself, which
     * must be settled: a 400 naming `asOf` for a later one, whose answer could still change.
     */
    public Instant readAt(Instant asOf) {
        if (asOf == null) {
            return Instant.now();
        }
        Instant settled = now();
        if (asOf.isAfter(settled)) {
            throw ProblemException.invalid("asOf", new Text("must be settled: no later than " + settled + " (values"
                    + " recorded after it may still be committing, so an answer as of " + asOf + " could change); leave"
                    + " asOf out for the values as they stand now", "phải là thời điểm đã ổn định: không muộn hơn "
                    + settled + " (các giá trị ghi nhận sau thời điểm đó có thể vẫn đang được ghi vào, nên câu trả lời"
                    + " tại thời điểm " + asOf + " có thể còn thay đổi); hãy bỏ asOf để lấy các giá trị như hiện nay"));
        }
        return asOf;
    }
}
