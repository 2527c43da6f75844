package vn.nangsuat.kit.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every JSON read an `ETag`, as the README promises: a read that set none itself (a unit's history, its lineage,
 * the crosswalk, a plan's transitions, targets and tasks, the change feed, ...) gets a strong tag over its JSON, and
 * an `If-None-Match` naming it turns the answer into a 304 without a body. Reads that tag themselves (a version's
 * timeline, a page, a read model's answer) keep theirs; CSV and streamed answers are left as they are.
 */
public class EveryReadTagged {

    private final ObjectMapper json;

    public EveryReadTagged(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG) || !isJson(response.getMediaType())) {
            return;
        }
        Object entity = response.getEntity();
        if (entity instanceof String || entity instanceof byte[] || entity instanceof InputStream) {
            return;
        }
        String etag = Preconditions.etag(json.writeValueAsString(entity));
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && Preconditions.names(ifNoneMatch, etag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private static boolean isJson(MediaType type) {
        return type == null || MediaType.APPLICATION_JSON_TYPE.isCompatible(type);
    }
}
