package vn.nangsuat.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends a request line exactly as written, for tests of input that HTTP client libraries refuse to send
 * (broken %-escapes, raw UTF-8, characters a URI cannot hold). One request per connection, read to the end.
 */
public final class RawHttp {

    public record Response(int status, String contentType, String body, List<String> links) {
    }

    private RawHttp() {
    }

    /** The target sent as its UTF-8 bytes: characters outside ASCII go raw, as curl sends them. */
    public static Response get(int port, String rawTarget) {
        return get(port, rawTarget.getBytes(StandardCharsets.UTF_8));
    }

    /** The target sent as these bytes, UTF-8 or not. */
    public static Response get(int port, byte[] rawTarget) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(rawTarget);
            out.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String raw = readAll(socket.getInputStream());
            int headerEnd = raw.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? raw : raw.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : raw.substring(headerEnd + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            String contentType = null;
            List<String> links = new ArrayList<>();
            for (String line : head.split("\r\n")) {
                String name = line.toLowerCase(Locale.ROOT);
                if (name.startsWith("content-type:")) {
                    contentType = line.substring(line.indexOf(':') + 1).trim();
                } else if (name.startsWith("link:")) {
                    links.add(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return new Response(status, contentType, body, links);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
