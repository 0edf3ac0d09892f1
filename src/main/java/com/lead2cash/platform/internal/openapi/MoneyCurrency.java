package com.lead2cash.platform.internal.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * A request body that carries money may say its {@code currency} (SPEC §6, default {@code CNY}), which the JSON
 * reader takes at the body's top level when it is {@code CNY} and refuses otherwise
 * ({@code InputRulesJacksonModule.CurrencyOfMoney}): the document lists it on those bodies, so a client learns it
 * there and the bodies' {@code additionalProperties: false} still holds.
 */
class MoneyCurrency implements GlobalOpenApiCustomizer {

    static final String CURRENCY = "currency";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null || api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> bodies = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> {
                    if (media.getSchema() != null && media.getSchema().get$ref() != null) {
                        bodies.add(name(media.getSchema().get$ref()));
                    }
                });
            }
        }));
        for (String body : bodies) {
            Schema<?> schema = schemas.get(body);
            if (schema != null && schema.getProperties() != null && !schema.getProperties().containsKey(CURRENCY)
                    && carriesMoney(schema, schemas, new HashSet<>())) {
                StringSchema currency = new StringSchema();
                // null says no more than leaving it out (3.0: a nullable enum lists null among its values)
                currency.setEnum(java.util.Arrays.asList("CNY", null));
                currency.setNullable(Boolean.TRUE);
                schema.addProperty(CURRENCY, currency
                        .description("The currency of the amounts: CNY, the only one kept (may be left out or null)."));
            }
        }
    }

    /** Whether a decimal number is among the schema's properties, at any depth. */
    private static boolean carriesMoney(Schema<?> schema, Map<String, Schema> schemas, Set<String> seen) {
        if (schema == null) {
            return false;
        }
        if (schema.get$ref() != null) {
            String name = name(schema.get$ref());
            return seen.add(name) && carriesMoney(schemas.get(name), schemas, seen);
        }
        if ("number".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("number"))) {
            return true;
        }
        if (schema.getItems() != null && carriesMoney(schema.getItems(), schemas, seen)) {
            return true;
        }
        return schema.getProperties() != null
                && schema.getProperties().values().stream().anyMatch(p -> carriesMoney(p, schemas, seen));
    }

    private static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
