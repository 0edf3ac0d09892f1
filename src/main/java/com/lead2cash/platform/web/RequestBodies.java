package com.lead2cash.platform.web;

import com.lead2cash.platform.FieldValidationException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body under the input rules ({@code InputRules}) as the API's converter does, but collects
 * every value the rules refuse instead of stopping at the first: the refused values are read as null and named in
 * {@link RequestBodies.Read#refused()}, so that a route can answer all of a request's problems at once. A caller
 * must refuse the request when {@code refused} is not empty. A body that cannot be read at all (malformed, a wrong
 * type) is still 400.
 */
public interface RequestBodies {

    <T> Read<T> readCollecting(JsonNode body, Class<T> type);

    /** The body as read, and the values the input rules refused (field, code, arguments). */
    record Read<T>(T value, List<FieldValidationException.FieldError> refused) {
        public Read {
            refused = List.copyOf(refused);
        }
    }
}
