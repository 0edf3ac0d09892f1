package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.internal.openapi.ApiDocumentConfiguration.Refusal;
import com.lead2cash.platform.web.Refuses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to each operation the refusals its code can answer, derived from what the operation is, so the
 * document follows the code as endpoints come and go:
 * <ul>
 *   <li>400 — it reads a body or a typed/required parameter (unreadable JSON, wrong type, unknown enum);</li>
 *   <li>403 — a role restriction ({@code @PreAuthorize} on the method or its controller);</li>
 *   <li>404 — an id in the path (missing or outside the caller's data scope);</li>
 *   <li>413 — a body (an upload past its limit, or any other body past {@code l2c.web.max-body-size});</li>
 *   <li>415 — a body sent as another content type than the operation reads;</li>
 *   <li>406 — an answer with a body, asked for (Accept) in a type other than the one it is written in;</li>
 *   <li>409 and 428 — the body carries a {@code version}, or an {@code If-Match} header is taken;</li>
 *   <li>422 — a body (field errors), a transition (POST/PUT/PATCH: a business rule), or a query parameter
 *       (the platform's input rules, a {@code cursor} to decode).</li>
 * </ul>
 * 401 and URL-level 403 come from {@link SecurityRequirements}. Anything special (a 409 for a lost race,
 * a 429) is declared on the method with {@link Refuses}. Every refusal refers to one reusable response
 * ({@code #/components/responses/...}); an {@code @ApiResponse} written on the method for the same status wins.
 */
class ProblemResponses implements GlobalOperationComponentsCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return customize(operation, new Components(), handler);
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        OperationIds.name(operation, handler);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Schema<?> body = bodySchema(operation, components);
        boolean reads = body != null || parameters.stream().anyMatch(ProblemResponses::typedOrRequired);
        // a transition (POST/PUT/PATCH) may be refused by a business rule; a GET or DELETE only says so explicitly
        boolean changes = java.util.Set.of("POST", "PUT", "PATCH").contains(httpMethod(handler));
        if (reads) {
            add(responses, Refusal.BAD_REQUEST);
        }
        // an upload past its limit, any other body past l2c.web.max-body-size
        if (body != null) {
            add(responses, Refusal.PAYLOAD_TOO_LARGE);
            add(responses, Refusal.UNSUPPORTED_MEDIA_TYPE);
        }
        // the API writes JSON only (no YAML, no XML): an answer asked for in another type cannot be given
        if (answersWithBody(responses)) {
            add(responses, Refusal.NOT_ACCEPTABLE);
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
            add(responses, Refusal.FORBIDDEN);
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(responses, Refusal.NOT_FOUND);
        }
        boolean versioned = (body != null && body.getProperties() != null && body.getProperties().containsKey("version"))
                || parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        if (versioned) {
            add(responses, Refusal.CONFLICT);
            add(responses, Refusal.PRECONDITION_REQUIRED);
        }
        // the platform's input rules (control characters, length) refuse any query parameter with 422
        if (body != null || changes || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
            add(responses, Refusal.UNPROCESSABLE);
        }
        Refuses explicit = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Refuses.class);
        if (explicit != null) {
            for (int status : explicit.value()) {
                add(responses, Refusal.of(status));
            }
        }
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** Whether a success of the operation answers with a body, which is written in the types it declares. */
    private static boolean answersWithBody(ApiResponses responses) {
        return responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2") && r.getValue() != null
                && r.getValue().getContent() != null && !r.getValue().getContent().isEmpty());
    }

    /** A parameter that can fail to bind: required, or not free text. */
    private static boolean typedOrRequired(Parameter parameter) {
        if (Boolean.TRUE.equals(parameter.getRequired())) {
            return true;
        }
        Schema<?> schema = parameter.getSchema();
        return schema != null && (schema.get$ref() != null || !"string".equals(schema.getType())
                || schema.getFormat() != null || schema.getEnum() != null);
    }

    private static String httpMethod(HandlerMethod handler) {
        var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                org.springframework.web.bind.annotation.RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "GET" : mapping.method()[0].name();
    }

    /** The JSON body's schema, resolved from the components; null without a JSON body. */
    private static Schema<?> bodySchema(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        var media = operation.getRequestBody().getContent().values().stream().findFirst().orElse(null);
        if (media == null || media.getSchema() == null) {
            return new Schema<>();
        }
        Schema<?> schema = media.getSchema();
        if (schema.get$ref() != null && components.getSchemas() != null) {
            Schema<?> resolved = components.getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            return resolved != null ? resolved : schema;
        }
        return schema;
    }

    private static void add(ApiResponses responses, Refusal refusal) {
        responses.putIfAbsent(refusal.code(), refusal.reference());
    }

    static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<String, ApiResponse>(responses).forEach(ordered::addApiResponse);
        if (responses.getExtensions() != null) {
            ordered.setExtensions(responses.getExtensions());
        }
        return ordered;
    }
}
