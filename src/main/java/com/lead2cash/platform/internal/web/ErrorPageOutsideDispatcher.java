package com.lead2cash.platform.internal.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * The product's error page rendered by a filter, before the dispatcher has run — a refusal of the security chains
 * ({@link RefusalPage}), an upload the container could not read ({@link UploadLimitFilter}) — in the reader's language
 * as every page is, not the thread's (the servlet's own reading of Accept-Language: the server's language, English,
 * without one). The reader's language is what the dispatcher would have chosen ({@link #locale}).
 */
@Component
class ErrorPageOutsideDispatcher {

    private final ViewResolver views;
    private final LocaleResolver locales;

    ErrorPageOutsideDispatcher(@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales) {
        this.views = views;
        this.locales = locales;
    }

    /**
     * The reader's language for a request the dispatcher has not seen (or has): a language picked with {@code ?lang=}
     * on the address, as the pages' LocaleChangeInterceptor reads it (only the address: a body may be an upload not to
     * be read here), else the pages' resolver's — the language cookie, else Accept-Language, else zh-CN.
     */
    static Locale locale(HttpServletRequest request, LocaleResolver resolver) {
        return picked(request).orElseGet(() -> resolver.resolveLocale(request));
    }

    /** The language {@code ?lang=} on the address picks, if it names one the pages are written in. */
    private static Optional<Locale> picked(HttpServletRequest request) {
        for (QueryPair pair : QueryPair.of(request.getQueryString())) {
            if (pair.name().equals("lang")) {
                try {
                    return WebConfiguration.pickable(StringUtils.parseLocale(pair.value()));
                } catch (IllegalArgumentException unreadable) {
                    return Optional.empty(); // ignored, as the interceptor ignores it
                }
            }
        }
        return Optional.empty();
    }

    /** The error page with {@code status} and {@code model} ({@link PageExceptionHandler#errorModel}), in the reader's language. */
    void render(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model)
            throws IOException, ServletException {
        Locale locale = locale(request, locales);
        // the page's messages and its lang attribute read the request's resolver (the thread's locale without one)
        request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            response.setStatus(status);
            View view = views.resolveViewName("error", locale);
            if (view == null) {
                response.sendError(status);
                return;
            }
            view.render(model, request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }
}
