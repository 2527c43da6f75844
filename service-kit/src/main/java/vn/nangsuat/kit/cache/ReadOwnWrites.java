package vn.nangsuat.kit.cache;

import io.vertx.core.Context;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A client reads its own write: the answer to a request whose commits moved a snapshot or a read model goes once they
 * are computed again ({@link Snapshots}), one wait for all the request's commits. A blocking request's filter runs on
 * its worker thread, where the commits were made; the event loop never waits.
 */
public class ReadOwnWrites {

    private final Snapshots snapshots;

    public ReadOwnWrites(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @ServerResponseFilter
    public void awaitOwnWrites() {
        if (!Context.isOnEventLoopThread()) {
            snapshots.awaitOwnWrites();
        }
    }
}
