package com.lead2cash.platform.internal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's {@code /error}, which renders the container's error dispatches. Asked for directly it has no
 * error to render (Boot answered 500 with "status 999"): it is then a route that does not exist, 404,
 * a problem for JSON and the error page for a browser. An error of an API address that no handler answered
 * (the container refusing {@code TRACE} with 405, an exception before a controller was chosen) is the API's
 * problem, whatever the caller accepts, not Boot's own error body; so is one of the actuator a program called
 * ({@link ProgramCalls}).
 */
@Controller
class ErrorEndpoint extends BasicErrorController {

    private final ProblemWriter problems;

    private final tools.jackson.databind.json.JsonMapper json;

    ErrorEndpoint(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
                  ProblemWriter problems, tools.jackson.databind.json.JsonMapper json) {
        super(attributes, web.getError(), resolvers.orderedStream().toList());
        this.problems = problems;
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!direct(request) && api(request)) {
            ResponseEntity<Map<String, Object>> problem = apiProblem(request);
            response.setStatus(problem.getStatusCode().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            try {
                json.writeValue(response.getOutputStream(), problem.getBody());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        }
        if (direct(request)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return new ModelAndView("error", PageExceptionHandler.errorModel(404, null, new Object[0], null),
                    HttpStatus.NOT_FOUND);
        }
        ModelAndView page = super.errorHtml(request, response);
        if (page != null) {
            page.addObject("publicReader", PageExceptionHandler.publicReader(request));
        }
        return page;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (direct(request)) {
            return problem(HttpStatus.NOT_FOUND, "error.noRoute", request.getRequestURI());
        }
        if (api(request)) {
            return apiProblem(request);
        }
        return super.error(request);
    }

    /** The container's error of an API address, as the API words it: the status kept, Boot's body never shown. */
    private ResponseEntity<Map<String, Object>> apiProblem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        String key = status == HttpStatus.NOT_FOUND ? "error.noRoute"
                : status == HttpStatus.METHOD_NOT_ALLOWED ? "error.wrongMethod"
                : status == HttpStatus.UNSUPPORTED_MEDIA_TYPE ? "error.wrongContentType"
                : status.is5xxServerError() ? "error.unexpected"
                : "error.badRequest";
        return problem(status, key, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
    }

    private ResponseEntity<Map<String, Object>> problem(HttpStatus status, String key, String instance) {
        ProblemDetail problem = problems.problem(status, key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", instance);
        body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** An error dispatch of an address whose refusals are problems: the API's, a program's of the actuator. */
    private static boolean api(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && ProgramCalls.answeredAsProblem(uri, request);
    }

    /** Not the container's error dispatch: someone typed /error. */
    private static boolean direct(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR;
    }
}
