package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.internal.openapi.ApiDocumentConfiguration.Refusal;
import com.lead2cash.platform.Versioned;
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
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
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
 *   <li>409 — a {@code version} is taken (a body's field, JSON or multipart, a query parameter, {@code If-Match});
 *       428 — the version is required: the body is {@link Versioned} or {@code If-Match} is read (an action
 *       without a body, a multipart one); each {@code version} is described as required or optional
 *       (docs/decisions/0014-refusals.md);</li>
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
        // a version taken anywhere (the body, a JSON or multipart field, a query parameter, If-Match) may be stale: 409;
        // one the operation cannot go without (a Versioned body, or If-Match read by RequiredVersion): 428 without it
        boolean ifMatch = parameters.stream().anyMatch(p -> "header".equals(p.getIn())
                && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
        boolean versionRequired = ifMatch || Versioned.class.isAssignableFrom(bodyType(handler));
        Schema<?> bodyVersion = body == null || body.getProperties() == null ? null : body.getProperties().get("version");
        // a version sent with the request (a policy version in the path names what is read, it is no guard)
        List<Parameter> versionParameters = parameters.stream()
                .filter(p -> "version".equals(p.getName()) && "query".equals(p.getIn())).toList();
        if (bodyVersion != null || !versionParameters.isEmpty() || ifMatch) {
            add(responses, Refusal.CONFLICT);
        }
        if (versionRequired) {
            add(responses, Refusal.PRECONDITION_REQUIRED);
        }
        if (bodyVersion != null) {
            bodyVersion.setDescription(versionDescription(bodyVersion.getDescription(), versionRequired));
        }
        versionParameters.forEach(p -> p.setDescription(versionDescription(p.getDescription(), versionRequired)));
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

    /** The Java type of the operation's {@code @RequestBody}; {@code Void} without one. */
    private static Class<?> bodyType(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter.getParameterType();
            }
        }
        return Void.class;
    }

    /**
     * What the document says of a {@code version} the operation takes: whether it is required (docs/decisions/0014),
     * in front of what the code says of it besides.
     */
    static String versionDescription(String declared, boolean required) {
        if (declared != null && (declared.startsWith(VERSION_REQUIRED) || declared.startsWith(VERSION_OPTIONAL))) {
            return declared;
        }
        String rule = required ? VERSION_REQUIRED + ": the version of the record as read, as this field or as "
                + "If-Match (428 without either, 409 when stale)"
                : VERSION_OPTIONAL + ": the version the request is based on, as read; sent, it is checked (409 when "
                + "stale), left out the record is taken as it stands";
        return declared == null || declared.isBlank() ? rule : rule + ". " + declared;
    }

    static final String VERSION_REQUIRED = "Required";
    static final String VERSION_OPTIONAL = "Optional";

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
