package com.lead2cash.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API document names a body's schema after its class's simple name, so two request or response
 * records of the same simple name in different modules would silently share one schema — and the
 * validator would then refuse one of them, or worse, accept the wrong shape. Every class that reaches
 * the document as an object schema has a name of its own.
 */
class ApiSchemaNamesTest {

    @Test
    void everyBodyTypeOfTheApiHasASchemaNameOfItsOwn() throws Exception {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (Class<?> type : bodyTypes()) {
            byName.computeIfAbsent(type.getSimpleName(), k -> new TreeSet<>()).add(type.getName());
        }
        assertThat(byName).as("body types of the API, by the schema name the document gives them").isNotEmpty();
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getValue).toList())
                .as("classes sharing one schema name in /v3/api-docs").isEmpty();
    }

    @Test
    void theWalkFindsNestedRecordsOfRequestsAndResponses() throws Exception {
        Set<String> names = new HashSet<>();
        bodyTypes().forEach(t -> names.add(t.getName()));
        // a request body, a record inside it, and a response inside a generic wrapper
        assertThat(names).contains(
                "com.lead2cash.approval.internal.web.ApprovalApiController$DecisionRequest",
                "com.lead2cash.approval.internal.web.ApprovalApiController$ApproverBody");
    }

    private static Set<Class<?>> bodyTypes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> found = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>();
        for (var candidate : scanner.findCandidateComponents("com.lead2cash")) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            for (Method m : controller.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)) {
                    continue;
                }
                todo.add(m.getGenericReturnType());
                for (var p : m.getParameters()) {
                    if (p.isAnnotationPresent(RequestBody.class)) {
                        todo.add(p.getParameterizedType());
                    }
                }
            }
        }
        Set<Type> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof ParameterizedType pt) {
                todo.add(pt.getRawType());
                todo.addAll(java.util.List.of(pt.getActualTypeArguments()));
            } else if (t instanceof WildcardType wt) {
                todo.addAll(java.util.List.of(wt.getUpperBounds()));
            } else if (t instanceof Class<?> c) {
                if (c.isArray()) {
                    todo.add(c.getComponentType());
                } else if (c.getName().startsWith("com.lead2cash.") && !c.isEnum() && !c.isInterface()) {
                    found.add(c);
                    if (c.isRecord()) {
                        for (RecordComponent rc : c.getRecordComponents()) {
                            todo.add(rc.getGenericType());
                        }
                    }
                }
            }
        }
        return found;
    }
}
