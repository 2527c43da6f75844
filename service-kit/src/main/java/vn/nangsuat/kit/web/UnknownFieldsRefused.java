package vn.nangsuat.kit.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Request bodies name only fields the request takes: an unknown one is a 400 naming it (kit.problem.JsonInputErrors)
 * rather than silently ignored, so a `PATCH` of a field it cannot change, or a misspelt field, does not answer 200
 * for a change that was not made. Only for the bodies Quarkus REST reads: event consumers keep the application's
 * mapper, which ignores fields a newer producer adds.
 */
@Provider
public class UnknownFieldsRefused implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public UnknownFieldsRefused(ObjectMapper application) {
        this.strict = application.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
