package vn.nangsuat.kit.datasource;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One thread, one pooled connection: a request that holds a connection (Hibernate keeps one for the rest of a request
 * that read outside a transaction) and asks the pool for a second can wait for ever once every connection is held by
 * requests doing the same, and the pool deadlocks at its size in concurrent requests. Inside a transaction the pool
 * hands the transaction's own connection again, which is not a second one. This guard sees every connection taken
 * from the pool and returned to it: with `kit.datasource.second-connection=refuse` (tests) a second one is refused
 * with an exception naming where it was asked for, so a test that takes that path fails; with `warn` (production) the
 * place is logged once.
 */
@ApplicationScoped
public class SecondConnectionGuard implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(SecondConnectionGuard.class);

    /** A second connection asked for by a thread that holds one. */
    public static final class SecondConnection extends IllegalStateException {
        SecondConnection(String message) {
            super(message);
        }
    }

    private final boolean refuse;
    /** The physical connections each thread holds; a connection may go back to the pool from another thread. */
    private final ThreadLocal<Set<Connection>> held = ThreadLocal.withInitial(ConcurrentHashMap::newKeySet);
    private final Map<Connection, Set<Connection>> holders = new ConcurrentHashMap<>();
    private final Set<String> warnedPlaces = ConcurrentHashMap.newKeySet();

    public SecondConnectionGuard(@ConfigProperty(name = "kit.datasource.second-connection", defaultValue = "warn")
            String action) {
        this.refuse = action.equals("refuse");
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Set<Connection> mine = held.get();
        // A connection the pool destroyed (the database went away) is held by nobody, whatever was seen of it.
        mine.removeIf(SecondConnectionGuard::closed);
        if (!mine.isEmpty()) {
            String place = place();
            String message = "thread " + Thread.currentThread().getName() + " holds a pooled connection and asks for a"
                    + " second one at " + place + ": with the pool's size in such requests at once, none gets one";
            if (refuse) {
                // Agroal puts the connection back when an interceptor throws.
                throw new SecondConnection(message);
            }
            if (warnedPlaces.add(place)) {
                LOG.warn(message);
            }
        }
        Connection physical = physical(connection);
        mine.add(physical);
        // Handed to this thread, it is held by no other: the pool may hand it out again before the thread that
        // returned it is told so, which would otherwise leave it among that thread's and accuse it later.
        Set<Connection> before = holders.put(physical, mine);
        if (before != null && before != mine) {
            before.remove(physical);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        Connection physical = physical(connection);
        if (held.get().remove(physical)) {
            holders.remove(physical, held.get());
            return;
        }
        Set<Connection> holder = holders.remove(physical);  // returned from another thread than the one holding it
        if (holder != null) {
            holder.remove(physical);
        }
    }

    @Override
    public void onConnectionDestroy(Connection connection) {
        onConnectionReturn(connection);
    }

    private static boolean closed(Connection physical) {
        try {
            return physical.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The pool hands out a new wrapper each time; the connection under it is the one held. */
    private static Connection physical(Connection wrapper) {
        try {
            return wrapper.unwrap(Connection.class);
        } catch (SQLException e) {
            return wrapper;
        }
    }

    /** The first frames of the project's own code that asked, for the message. */
    private static String place() {
        return Arrays.stream(new Throwable().getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("vn.nangsuat.")
                        && !frame.getClassName().startsWith(SecondConnectionGuard.class.getName())
                        && !frame.getClassName().contains("_ClientProxy") && !frame.getClassName().contains("_Subclass"))
                .limit(3).map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName() + ":" + frame.getLineNumber())
                .reduce((a, b) -> a + " < " + b).orElse("a library's code");
    }
}
