package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.InputRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Every list's search text {@code q} says its longest length ({@link InputRules#MAX_SEARCH}), which the request
 * guard enforces on every route: a client learns it from the document, not from a 422. A list that declares a
 * shorter one keeps it.
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
                            schema.setMaxLength(InputRules.MAX_SEARCH);
                        }
                    });
        }));
    }
}
