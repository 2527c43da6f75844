package vn.nangsuat.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A client on a raw socket: it sends the request target exactly as the bytes given (HTTP libraries encode or
 * refuse what some clients send as is) and connects from the loopback address given (127.0.0.2, ...), so one
 * test can play several clients or proxies. One request per connection, read to the end.
 */
final class PeerClient {

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private PeerClient() {
    }

    static Response get(String fromAddress, int port, String target, String... headerLines) {
        return get(fromAddress, port, target.getBytes(StandardCharsets.UTF_8), headerLines);
    }

    static Response get(String fromAddress, int port, byte[] target, String... headerLines) {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(fromAddress), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(received);
            String raw = received.toString(StandardCharsets.UTF_8);
            int headEnd = raw.indexOf("\r\n\r\n");
            String[] lines = (headEnd < 0 ? raw : raw.substring(0, headEnd)).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return new Response(Integer.parseInt(lines[0].split(" ", 3)[1]), headers,
                    headEnd < 0 ? "" : raw.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
