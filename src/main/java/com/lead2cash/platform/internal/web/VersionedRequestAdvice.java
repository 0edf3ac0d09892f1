package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.Versioned;
import com.lead2cash.platform.web.RequiredVersion;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Where an update's version is required of a JSON body: every {@link Versioned} request body passes here
 * after it is read, through {@link RequiredVersion} (no version and no {@code If-Match}: 428; a different
 * version in body and header is refused); {@code If-Match} fills a missing version.
 */
@ControllerAdvice
class VersionedRequestAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return Versioned.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body == null) {
            // a body of JSON null: Spring MVC refuses it as a missing body (400) once the advice is done
            return null;
        }
        Versioned update = (Versioned) body;
        long version = RequiredVersion.of(update.version(), inputMessage.getHeaders().get(HttpHeaders.IF_MATCH));
        return update.version() == null ? withVersion(update, version) : body;
    }

    /** The same record with its version component set. */
    private static Object withVersion(Versioned update, long version) {
        Class<?> type = update.getClass();
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " implements Versioned but is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().setAccessible(true);
                values[i] = "version".equals(components[i].getName()) ? Long.valueOf(version)
                        : components[i].getAccessor().invoke(update);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set the version of " + type.getName(), e);
        }
    }
}
