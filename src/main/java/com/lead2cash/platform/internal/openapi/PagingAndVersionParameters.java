package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.CursorPage;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpHeaders;

/**
 * Two parameters every operation of their kind takes alike, documented once:
 * <ul>
 *   <li>{@code If-Match} on every operation that answers 428 (an update or action that needs the version it was read
 *       at): the platform reads it for each of them ({@code RequiredVersion}), as a strong tag ({@code "3"}); a weak
 *       one never matches (RFC 9110) and is refused, 400 (docs/decisions/0014-refusals.md);</li>
 *   <li>{@code size} of a list's page: 1 or more, {@link CursorPage#DEFAULT_SIZE} when left out, a larger one than
 *       {@link CursorPage#MAX_SIZE} served as that (capped, decision 0063), so no {@code maximum} is declared: a
 *       larger size is accepted.</li>
 * </ul>
 */
class PagingAndVersionParameters implements GlobalOpenApiCustomizer {

    static final String IF_MATCH_DESCRIPTION = "The version of the record as read, as a strong entity tag (\"3\"), in "
            + "place of the body's version or equal to it; a weak tag (W/\"3\") never matches and is refused (400)";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            ifMatch(operation);
            pageSize(operation);
        }));
    }

    private static void ifMatch(Operation operation) {
        if (operation.getResponses() == null || !operation.getResponses().containsKey("428")) {
            return;
        }
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
        if (!declared) {
            if (operation.getParameters() == null) {
                operation.setParameters(new ArrayList<>());
            }
            operation.getParameters().add(new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false)
                    .description(IF_MATCH_DESCRIPTION).schema(new StringSchema()));
        }
    }

    private static void pageSize(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            Schema<?> schema = p.getSchema();
            if ("query".equals(p.getIn()) && "size".equals(p.getName()) && schema != null
                    && ("integer".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("integer"))) {
                // one schema object may be shared by parameters declared alike: this one gets its own
                Schema<?> own = copy(schema);
                own.setMinimum(BigDecimal.ONE);
                setDefault(own);
                p.setSchema(own);
                if (p.getDescription() == null || p.getDescription().isBlank()) {
                    p.setDescription("Items a page: 1 or more (0 or less is a 400), " + CursorPage.DEFAULT_SIZE
                            + " when left out; at most " + CursorPage.MAX_SIZE + " are served, a larger size is capped");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void setDefault(Schema<?> schema) {
        ((Schema<Object>) schema).setDefault(CursorPage.DEFAULT_SIZE);
    }

    private static Schema<?> copy(Schema<?> schema) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsString(schema), Schema.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a parameter's schema could not be copied", e);
        }
    }
}
