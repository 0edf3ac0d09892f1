package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.RequestRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What no controller answers: an unknown route under {@code /api} is a 404 problem like any other API
 * refusal (a wrong method 405, a wrong content type 415, an undecodable query 400), and so is one of the actuator
 * called by a program ({@link ProgramCalls}); elsewhere the error page.
 * Asked after the controllers' own handlers ({@link ApiExceptionHandler}, {@link PageExceptionHandler}), which word
 * the refusals of their controllers themselves (the page version guard's 428 included).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackHandler {

    private final ProblemWriter problems;

    ApiFallbackHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noRoute(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "error.noRoute");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object wrongMethod(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        Object answer = answer(request, HttpStatus.METHOD_NOT_ALLOWED, "error.wrongMethod");
        if (answer instanceof ResponseEntity<?> entity && e.getSupportedHttpMethods() != null) {
            return ResponseEntity.status(entity.getStatusCode()).allow(e.getSupportedHttpMethods().toArray(
                    org.springframework.http.HttpMethod[]::new)).body(entity.getBody());
        }
        return answer;
    }

    /**
     * A query Tomcat cannot decode ({@code ?q=%ff%fe}) on an address no controller answers: the
     * controllers' handlers do not cover the resource handler, so without this Tomcat logged it as an error.
     */
    @ExceptionHandler(InvalidParameterException.class)
    Object badEncoding(HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, QueryEncoding.refusal(request.getQueryString()));
    }

    /**
     * A refusal by an interceptor in front of a handler that is no controller (Spring's own answer to
     * {@code OPTIONS}, a static resource): the status it names, as the controllers' refusals, never a 500.
     */
    @ExceptionHandler(RequestRefusedException.class)
    Object refused(HttpServletRequest request, RequestRefusedException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        Object answer = answer(request, status, e.messageKey(), e.args());
        if (answer instanceof ResponseEntity<?> entity && e.retryAfterSeconds() != null) {
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                    .body(entity.getBody());
        }
        return answer;
    }

    /**
     * An answer asked for (Accept) in a type no operation of the address writes, known before a controller is chosen
     * (its mapping's {@code produces}: an import template asked for as JSON): 406, saying what the address answers —
     * a spreadsheet (.xlsx) where that is all it answers, not that the API answers JSON.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpServletRequest request, HttpMediaTypeNotAcceptableException e) {
        List<MediaType> answered = e.getSupportedMediaTypes();
        boolean spreadsheet = !answered.isEmpty() && answered.stream().allMatch(SPREADSHEET::isCompatibleWith);
        return answer(request, HttpStatus.NOT_ACCEPTABLE, spreadsheet ? "error.http.406.spreadsheet" : "error.http.406");
    }

    private static final MediaType SPREADSHEET = MediaType.parseMediaType(com.lead2cash.platform.web.Download.XLSX);

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object wrongContentType(HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.wrongContentType");
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String messageKey, Object... args) {
        if (ProgramCalls.answeredAsProblem(request.getRequestURI(), request)) {
            ProblemDetail problem = problems.problem(status, messageKey, args);
            try {
                problem.setInstance(java.net.URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException e) {
                // an address not worth repeating
            }
            return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
