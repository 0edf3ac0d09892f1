package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.InputRules;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Every list's search text {@code q} says its longest length ({@link InputRules#MAX_SEARCH}), which the request
 * guard enforces on every route: a client learns it from the document, not from a 422. A list that declares a
 * shorter one keeps it. No other parameter is given it: each {@code q} has its own schema for it.
 */
class SearchTextParameters implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            operation.getParameters().stream()
                    .filter(p -> "query".equals(p.getIn()) && "q".equals(p.getName()))
                    .forEach(p -> {
                        Schema<?> schema = p.getSchema();
                        if (schema != null && schema.getMaxLength() == null) {
                            // springdoc gives every parameter declared alike (an optional String: q, cursor, an
                            // upload's remarks…) one schema object: the length set on it was declared for them all
                            Schema<?> own = copy(schema);
                            own.setMaxLength(InputRules.MAX_SEARCH);
                            p.setSchema(own);
                        }
                    });
        }));
    }

    private static Schema<?> copy(Schema<?> schema) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsString(schema), Schema.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parameter's schema could not be copied", e);
        }
    }
}
