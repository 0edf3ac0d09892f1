package com.lead2cash.platform.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details with a localised title and detail; also writes them from security filters. */
@Component
public class ProblemWriter {

    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<LocaleResolver> locales;

    ProblemWriter(MessageSource messages, JsonMapper json, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    /**
     * The reader's language as the pages choose it (a {@code ?lang=} on the address, else their cookie, else
     * Accept-Language, else zh-CN): a problem written by a security filter comes before the dispatcher has set it,
     * when the thread holds the servlet's own reading of the header (English without one).
     */
    private Locale locale() {
        LocaleResolver resolver = locales.getIfAvailable();
        if (resolver != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            return ErrorPageOutsideDispatcher.locale(current.getRequest(), resolver);
        }
        return LocaleContextHolder.getLocale();
    }

    public ProblemDetail problem(HttpStatus status, String messageKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(messageKey, args));
        // the title in the reader's language too (a zh-CN answer titled "Unprocessable Content" read as half English)
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
                locale()));
        problem.setType(URI.create("urn:lead2cash:problem:" + messageKey));
        problem.setProperty("code", messageKey);
        return problem;
    }

    public String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                      Object... args) throws IOException {
        ProblemDetail problem = problem(status, key, args);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException e) {
            // a request refused for its address has no address worth repeating
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
