package vn.nangsuat.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import vn.nangsuat.http.testing.RawHttp;

/**
 * Request targets as odd clients and attackers send them, byte for byte to the gateway: each is answered, or
 * refused with a 400 problem, never a 500 and never routed somewhere else than it names.
 */
final class HostileTargets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileTargets() {
    }

    /** The target sent as its UTF-8 bytes; the answer must be 200 JSON. */
    static JsonNode answered(String target) {
        RawHttp.Response response = RawHttp.get(RunningSystem.GATEWAY, target);
        assertEquals(200, response.status(), target + " -> " + response.body());
        return json(target, response);
    }

    /** The target sent as these bytes; the answer must be a 400 problem. */
    static JsonNode refused(byte[] target) {
        String shown = new String(target, StandardCharsets.ISO_8859_1);
        RawHttp.Response response = RawHttp.get(RunningSystem.GATEWAY, target);
        assertEquals(400, response.status(), shown + " -> " + response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), shown + " -> " + response.contentType());
        JsonNode problem = json(shown, response);
        assertEquals(400, problem.path("status").asInt(), shown);
        assertFalse(problem.path("detail").asText().contains("Exception"), "no internals in " + problem);
        return problem;
    }

    static JsonNode refused(String target) {
        return refused(target.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String target, RawHttp.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from " + target + ": " + response.body(), e);
        }
    }
}
