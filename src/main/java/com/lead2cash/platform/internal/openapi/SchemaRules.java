package com.lead2cash.platform.internal.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Two rules that make the schemas say what the JSON really is:
 * <ul>
 *   <li>a property of a reference type may be {@code null} (the API writes every property, nulls too),
 *       unless it is declared non-null ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty},
 *       {@code @NonNull}) — primitives never are; an object that some property may leave null is itself
 *       marked nullable, because 3.0 ignores {@code nullable} beside a {@code $ref}; a list's items never are
 *       (the API refuses {@code null} in a list, {@code error.nullElement});</li>
 *   <li>an object has exactly the properties listed ({@code additionalProperties: false}), unless it is a
 *       map, so a renamed or undocumented field is a contract failure, not a silent drift.</li>
 * </ul>
 */
class SchemaRules implements PropertyCustomizer, GlobalOpenApiCustomizer {

    private static final Set<String> NON_NULL = Set.of("NotNull", "NotBlank", "NotEmpty", "NonNull", "Nonnull");

    /** Objects some property (or a list's items, under the list's name) refers to as possibly null: {@code name->Object}. */
    private final Set<String> nullableReferences = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || isPrimitive(type.getType())
                || declaredNonNull(type.getCtxAnnotations())) {
            return property;
        }
        if (property.get$ref() != null) {
            // 3.0 ignores siblings of $ref, and validators refuse null inside allOf: the referenced schema says it.
            // A list's items come here too, under the list's name: which of the two it was is told once the
            // document is whole (customise), where only a property that is itself the reference counts
            nullableReferences.add(reference(type.getPropertyName(), refName(property.get$ref())));
            return property;
        }
        property.setNullable(Boolean.TRUE);
        return property;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        var schemas = api.getComponents().getSchemas();
        schemas.values().forEach(SchemaRules::closeObject);
        Set<String> nullable = new java.util.TreeSet<>();
        schemas.values().forEach(schema -> nullableProperties(schema, nullable));
        nullable.forEach(name -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null) {
                schema.setNullable(Boolean.TRUE);
            }
        });
    }

    /**
     * The objects the schema's properties refer to directly and may leave null. A list's item is never null (the
     * API refuses {@code [null]}, {@code error.nullElement}): an object met only as an item stays non-nullable.
     */
    private void nullableProperties(Schema<?> schema, Set<String> nullable) {
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (property.get$ref() != null && (nullableReferences.contains(reference(name, refName(property.get$ref())))
                        || nullableReferences.contains(reference(null, refName(property.get$ref()))))) {
                    nullable.add(refName(property.get$ref()));
                }
                nullableProperties(property, nullable);
            });
        }
        if (schema.getItems() != null) {
            nullableProperties(schema.getItems(), nullable);
        }
    }

    /** A reference under its property's name ({@code *} when the converter did not name it: taken as any property). */
    private static String reference(String property, String object) {
        return (property == null ? "*" : property) + "->" + object;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static void closeObject(Schema<?> schema) {
        if (schema.getProperties() != null && !schema.getProperties().isEmpty() && schema.getAdditionalProperties() == null) {
            schema.setAdditionalProperties(Boolean.FALSE);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SchemaRules::closeObject);
        }
        if (schema.getItems() != null) {
            // the property customizer sees a list's items as the property again; an item is never null
            schema.getItems().setNullable(null);
            closeObject(schema.getItems());
        }
    }

    private static boolean isPrimitive(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive();
        }
        return type instanceof com.fasterxml.jackson.databind.JavaType j && j.isPrimitive();
    }

    private static boolean declaredNonNull(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation a : annotations) {
            if (NON_NULL.contains(a.annotationType().getSimpleName())) {
                return true;
            }
            if (a instanceof io.swagger.v3.oas.annotations.media.Schema s
                    && s.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
                return true;
            }
        }
        return false;
    }
}
