package vn.nangsuat.kit.datasource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The guard's bookkeeping alone, on stand-in connections: who holds what, whichever thread is told first. */
class SecondConnectionGuardTest {

    private final SecondConnectionGuard guard = new SecondConnectionGuard("refuse");

    /** A stand-in physical connection: open, its own unwrapped self. */
    private static Connection connection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "unwrap" -> proxy;
                    case "isClosed" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aThreadAskingForASecondConnectionIsRefused() {
        guard.onConnectionAcquire(connection());
        assertThrows(SecondConnectionGuard.SecondConnection.class, () -> guard.onConnectionAcquire(connection()));
    }

    @Test
    void aConnectionHandedToAnotherThreadBeforeItsReturnWasSeenIsNoLongerTheFirstThreads() throws Exception {
        // Under load the pool may hand a connection to the next thread before the interceptor hears it was returned:
        // the first thread must not be taken for holding it when it asks for its next one.
        Connection shared = connection();
        guard.onConnectionAcquire(shared);                   // this thread takes it ...
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(() -> guard.onConnectionAcquire(shared)).get();   // ... the pool hands it on ...
            guard.onConnectionReturn(shared);                // ... and only then this thread's return is seen
            assertDoesNotThrow(() -> guard.onConnectionAcquire(connection()), "this thread holds nothing now");
        } finally {
            other.shutdownNow();
        }
    }
}
