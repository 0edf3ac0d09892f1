package com.lead2cash.platform.internal.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * An upload's other fields ({@code @RequestParam} beside the file: a contract's {@code signedOn} and
 * {@code signatories}, an order acceptance's {@code acceptedOn}) are fields of its {@code multipart/form-data}
 * body, as SPEC §6 gives them; springdoc lists them as query parameters. Spring reads a {@code @RequestParam}
 * from either, so a client that sends them in the query is still served, but the document names the form.
 */
class MultipartFields implements GlobalOpenApiCustomizer {

    static final String MULTIPART = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE;

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(MultipartFields::moveIntoForm));
    }

    private static void moveIntoForm(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getParameters() == null) {
            return;
        }
        MediaType form = operation.getRequestBody().getContent().get(MULTIPART);
        if (form == null || form.getSchema() == null || form.getSchema().get$ref() != null) {
            return;
        }
        Schema<?> body = form.getSchema();
        List<Parameter> kept = new ArrayList<>();
        for (Parameter parameter : operation.getParameters()) {
            if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
                kept.add(parameter);
                continue;
            }
            Schema<?> field = parameter.getSchema();
            if (parameter.getDescription() != null) {
                field.setDescription(parameter.getDescription());
            }
            body.addProperty(parameter.getName(), field);
            if (Boolean.TRUE.equals(parameter.getRequired())) {
                body.addRequiredItem(parameter.getName());
            }
        }
        if (kept.size() != operation.getParameters().size()) {
            operation.setParameters(kept.isEmpty() ? null : kept);
            if (body.getDescription() == null) {
                body.setDescription("The form's fields (each may also be sent as a query parameter, as Spring reads both)");
            }
        }
    }
}
