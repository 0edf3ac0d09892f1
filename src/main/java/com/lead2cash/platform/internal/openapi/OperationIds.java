package com.lead2cash.platform.internal.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.HashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Operation ids a generated client can keep: the resource (the controller, without {@code ApiController})
 * and the method, e.g. {@code leadClaim}, {@code territoryCreate} — instead of springdoc's {@code create_2},
 * whose number moves whenever another module adds a {@code create}. An explicit
 * {@code @Operation(operationId = …)} is kept; a method mapped to several paths gets the last path segment.
 */
class OperationIds implements GlobalOpenApiCustomizer {

    static String of(HandlerMethod handler) {
        Class<?> type = handler.getBeanType();
        // a nested "Api" beside a page controller takes the outer class's name
        String resource = type.getEnclosingClass() != null && type.getSimpleName().equals("Api")
                ? type.getEnclosingClass().getSimpleName() : type.getSimpleName();
        resource = resource.replaceAll("(ApiController|Controller|Api)$", "");
        return StringUtils.uncapitalize(resource) + StringUtils.capitalize(handler.getMethod().getName());
    }

    static void name(Operation operation, HandlerMethod handler) {
        var explicit = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                io.swagger.v3.oas.annotations.Operation.class);
        if (explicit == null || explicit.operationId().isBlank()) {
            operation.setOperationId(of(handler));
        }
    }

    /** Makes the ids unique across the document once every operation is named. */
    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            String id = operation.getOperationId();
            if (id == null) {
                return;
            }
            int count = seen.merge(id, 1, Integer::sum);
            if (count > 1) {
                String segment = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9]", "");
                String unique = id + StringUtils.capitalize(segment);
                operation.setOperationId(seen.containsKey(unique) ? unique + count : unique);
                seen.merge(operation.getOperationId(), 1, Integer::sum);
            }
        }));
    }
}
