package vn.nangsuat.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A field sent twice in one JSON object (`{"value":1,"value":2}`) is refused (a 400 naming it, kit.problem.JsonInputErrors)
 * instead of the last one silently winning: which of the two the sender meant cannot be known.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
