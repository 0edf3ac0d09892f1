package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.RequestRefusedException;
import com.lead2cash.platform.web.VersionedForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A screen's change to a record it names in its path ({@code /customers/{id}/edit}) carries the version the form was
 * read at: a form posted with its {@code version} missing, blank or no number is refused (428, the error page, nothing
 * changed) — the aggregates read a null version as "no check" for internal callers, so an empty field would otherwise
 * save over a newer change. A handler takes part when it reads a {@code version} request parameter or binds a
 * {@code @ModelAttribute} form with a {@code version} property, or is marked {@link VersionedForm} (its fields read
 * from a {@code @RequestParam Map}, which says nothing of a version); one without a record in its path (a create form, the
 * territories' create-or-save form, whose controller requires it on an edit) is left alone. The API checks its own
 * versions ({@code VersionedRequestAdvice}).
 */
class PageVersionGuard implements HandlerInterceptor {

    static final String VERSION = "version";

    private final Map<Method, Boolean> guarded = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !"POST".equals(request.getMethod()) || ProgramCalls.api(request)
                || !guarded.computeIfAbsent(method.getMethod(), m -> readsVersion(method))) {
            return true;
        }
        String[] values = request.getParameterValues(VERSION);
        if (values == null || values.length == 0 || Arrays.stream(values).anyMatch(v -> !isVersion(v))) {
            throw new RequestRefusedException(428, null, "error.page.versionRequired");
        }
        return true;
    }

    private static boolean isVersion(String value) {
        try {
            Long.parseLong(value.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A handler changing the record its path names, reading the version as a parameter or on its form. */
    static boolean readsVersion(HandlerMethod method) {
        MethodParameter[] parameters = method.getMethodParameters();
        boolean namesRecord = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        return namesRecord && (method.hasMethodAnnotation(VersionedForm.class)
                || Arrays.stream(parameters).anyMatch(PageVersionGuard::carriesVersion));
    }

    private static boolean carriesVersion(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            return VERSION.equals(RequestParameterGuard.nameOf(param, parameter)) && !Map.class.isAssignableFrom(parameter.getParameterType());
        }
        if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
            Class<?> form = parameter.getParameterType();
            if (form.isRecord()) {
                return Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).anyMatch(VERSION::equals);
            }
            PropertyDescriptor property = BeanUtils.getPropertyDescriptor(form, VERSION);
            return property != null && property.getWriteMethod() != null;
        }
        return false;
    }
}
