package com.lead2cash.platform.internal.openapi;

import com.lead2cash.platform.web.NoLocation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

/**
 * Every 201 of the API declares its {@code Location} — the address to read what was created — as a required
 * header, so the contract check fails a creation that forgets it; an operation whose creation has no address
 * of its own says so with {@link NoLocation}, and its 201 tells why instead.
 */
class CreatedLocations implements GlobalOperationCustomizer {

    static final String CREATED = "201";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponse created = operation.getResponses() == null ? null : operation.getResponses().get(CREATED);
        if (created == null || created.get$ref() != null) {
            return operation;
        }
        NoLocation none = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), NoLocation.class);
        if (none != null) {
            created.setDescription(described(created.getDescription()) + "; no Location: " + none.value());
            return operation;
        }
        if (created.getHeaders() == null || !created.getHeaders().containsKey(HttpHeaders.LOCATION)) {
            created.addHeaderObject(HttpHeaders.LOCATION, new Header().required(Boolean.TRUE)
                    .description("The address of what was created, where it can be read")
                    .schema(new StringSchema().format("uri-reference")));
        }
        return operation;
    }

    private static String described(String description) {
        return description == null || description.isBlank() ? "Created" : description;
    }
}
