package vn.nangsuat.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Import bodies go through the gateway as they arrive: far larger than what it buffers (1 KiB here), unchanged, and
 * never handed on as a whole when the client breaks off.
 */
@QuarkusTest
@QuarkusTestResource(StandInService.class)
@QuarkusTestResource(TrustedKey.class)
class GatewayStreamingTest {

    private static final int SIZE = 20 * 1024 * 1024;

    @TestHTTPResource("/api/v1/observations/imports")
    URI imports;

    /** The same 20 MiB every time, made as it is read: neither side holds it. */
    private static InputStream body() {
        return new InputStream() {
            private int sent;

            @Override
            public int read() {
                return sent < SIZE ? (sent++ * 31 + 7) & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= SIZE) {
                    return -1;
                }
                int count = Math.min(length, SIZE - sent);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) ((sent++ * 31 + 7) & 0xff);
                }
                return count;
            }
        };
    }

    @Test
    void aBodyFarAboveTheBufferedCapReachesTheServiceWhole() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream expected = body()) {
            digest.update(expected.readAllBytes());
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(imports)
                .header("Authorization", "Bearer " + TrustedKey.admin()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(GatewayStreamingTest::body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject received = new JsonObject(answer.body());
        assertEquals(SIZE, received.getLong("bytes"));
        assertEquals(HexFormat.of().formatHex(digest.digest()), received.getString("sha256"));
    }

    @Test
    void aBodyBrokenOffIsNeverHandedOnAsAWholeOne() throws Exception {
        int whole = StandInService.WHOLE.get();
        int brokenOff = StandInService.BROKEN_OFF.get();
        try (Socket socket = new Socket(imports.getHost(), imports.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + imports.getPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TrustedKey.admin() + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "unit,indicator,period,value,status\n".repeat(2000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 5; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            Thread.sleep(300);
        }  // closed without the last chunk: the client broke off
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (StandInService.BROKEN_OFF.get() == brokenOff && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(StandInService.BROKEN_OFF.get() > brokenOff, "the service never saw the exchange broken off");
        Thread.sleep(500);
        assertEquals(whole, StandInService.WHOLE.get(), "a broken-off body reached the service as a whole one");
    }
}
