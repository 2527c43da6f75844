package vn.nangsuat.province.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.nangsuat.kit.events.CloudEvent;
import vn.nangsuat.kit.events.Outbox;
import vn.nangsuat.kit.events.OutboxRelay;

/** Sent rows are purged after the retention; a row not yet sent is never purged. */
@QuarkusTest
class OutboxPurgeTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sentRowsOlderThanTheCutOffArePurgedAndUnsentOnesKept() throws Exception {
        CloudEvent sent = QuarkusTransaction.requiringNew().call(() ->
                outbox.publish("probe", "purge-test", "probe.sent", Map.of("n", 1)));
        Instant deadline = Instant.now().plusSeconds(10);
        while (sentAt(sent.id()) == null && Instant.now().isBefore(deadline)) {
            relay.drain();  // the relay woke after the commit too; whichever holds the lease sends it
            Thread.sleep(50);
        }
        assertTrue(sentAt(sent.id()) != null, "the relay sent it");
        // Hold the relay lease on a thread of its own, as another instance's relay would: nothing is sent meanwhile.
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> otherRelay = CompletableFuture.runAsync(() -> {
            try (Connection lease = dataSource.getConnection()) {
                lease.setAutoCommit(false);
                try (PreparedStatement hold = lease.prepareStatement("SELECT id FROM outbox_relay_lease WHERE id = 1 FOR UPDATE")) {
                    hold.executeQuery().close();
                }
                held.countDown();
                done.await(30, TimeUnit.SECONDS);
                lease.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(held.await(10, TimeUnit.SECONDS), "the other relay holds the lease");
            CloudEvent unsent = QuarkusTransaction.requiringNew().call(() ->
                    outbox.publish("probe", "purge-test", "probe.unsent", Map.of("n", 2)));
            assertEquals(0, relay.drain(), "no relay sends while another holds the lease");

            relay.purgeSentBefore(Instant.now().plusSeconds(1));

            assertEquals(0, rows(sent.id()), "the sent row is gone");
            assertEquals(1, rows(unsent.id()), "the unsent row stays");
        } finally {
            done.countDown();
            otherRelay.join();
        }
    }

    private Object sentAt(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT sent_at FROM outbox_event WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getTimestamp(1) : null;
            }
        }
    }

    private long rows(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM outbox_event WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
