package vn.nangsuat.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * A computed answer (an aggregate, a harmonised series) with an ETag over its JSON, so a client that sends it back in
 * If-None-Match gets 304 until any value it rests on changes. For answers read whole from stored rows, a tag from
 * their versions is cheaper (see Page#toResponse); this one costs a second serialisation and suits small answers.
 */
public final class Conditional {

    private Conditional() {
    }

    public static Response ok(Request request, Object answer, ObjectMapper json) {
        EntityTag etag;
        try {
            etag = EntityTag.valueOf(Preconditions.etag(new String(json.writeValueAsBytes(answer),
                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(answer)).tag(etag).build();
    }
}
