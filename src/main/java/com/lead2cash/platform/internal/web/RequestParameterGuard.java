package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The input rules for query parameters and form fields (URL-encoded and multipart): a control character
 * or an overlong value is refused (422 naming the parameter; a page shows the refusal) before the
 * controller binds anything.
 */
class RequestParameterGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            InputRules.textProblem(name).ifPresent(key -> {
                throw new FieldValidationException("parameter", key, InputRules.MAX_TEXT);
            });
            for (String value : parameter.getValue()) {
                InputRules.textProblem(value).ifPresent(key -> {
                    throw new FieldValidationException(name, key, InputRules.MAX_TEXT);
                });
            }
        }
        return true;
    }
}
