package com.lead2cash.platform.internal.web;

import jakarta.servlet.DispatcherType;
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
 * a problem for JSON and the error page for a browser.
 */
@Controller
class ErrorEndpoint extends BasicErrorController {

    private final ProblemWriter problems;

    ErrorEndpoint(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
                  ProblemWriter problems) {
        super(attributes, web.getError(), resolvers.orderedStream().toList());
        this.problems = problems;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
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
            ProblemDetail problem = problems.problem(HttpStatus.NOT_FOUND, "error.noRoute");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            body.put("instance", request.getRequestURI());
            body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
        }
        return super.error(request);
    }

    /** Not the container's error dispatch: someone typed /error. */
    private static boolean direct(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR;
    }
}
