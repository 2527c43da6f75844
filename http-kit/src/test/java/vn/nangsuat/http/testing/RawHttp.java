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
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes("GET ".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(rawTarget);
        request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return exchange(port, request.toByteArray());
    }

    /**
     * Sends these bytes as they are (a request line, headers and as much of a body as given, even less than its
     * Content-Length) and reads the answer until the server closes the connection, at most 10 s; status 0 when it
     * closed the connection without answering.
     */
    public static Response exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            String raw = readAll(socket.getInputStream());
            if (raw.isEmpty()) {
                return new Response(0, null, "", List.of());  // closed without an answer
            }
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
