package vn.nangsuat.devstack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port in use is refused up front, with one line naming the port and the way around it. */
class PortTakenTest {

    @TempDir
    Path home;

    @Test
    void mariaDbRefusesATakenPort() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            Settings settings = new Settings(home, home, "127.0.0.1", squatter.getLocalPort(), 1, 1, null, Settings.SCHEMAS);
            DevstackException refused = assertThrows(DevstackException.class, () -> new MariaDb(settings).start());
            assertTrue(refused.getMessage().contains("port " + squatter.getLocalPort() + " is taken"), refused.getMessage());
            assertTrue(refused.getMessage().contains("DEVSTACK_DB_PORT"), refused.getMessage());
        }
    }

    @Test
    void kafkaRefusesATakenPort() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            Settings settings = new Settings(home, home, "127.0.0.1", 1, squatter.getLocalPort(), 1, null, Settings.SCHEMAS);
            DevstackException refused = assertThrows(DevstackException.class, () -> new KafkaBroker(settings).start());
            assertTrue(refused.getMessage().contains("port " + squatter.getLocalPort() + " is taken"), refused.getMessage());
        }
    }
}
