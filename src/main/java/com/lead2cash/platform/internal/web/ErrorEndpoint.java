package com.lead2cash.platform.internal.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Boot's {@code /error}, which renders the container's error dispatches. Asked for directly it has no
 * error to render (Boot answered 500 with "status 999"): it is then a route that does not exist, 404,
 * a problem for JSON and the error page for a browser. An error of an API address that no handler answered
 * (the container refusing {@code TRACE} with 405, an exception before a controller was chosen) is the API's
 * problem, whatever the caller accepts, not Boot's own error body; so is one of the actuator a program called
 * ({@link ProgramCalls}). Any other address's error (the firewall refusing {@code ;jsessionid=} or {@code //}, a
 * {@code TRACE}) is the error page for a browser (it asks for HTML) and a problem for anything else — no
 * {@code Accept}, {@code *}/{@code *} — never Boot's error body either. The container's 405 lists its servlet's
 * methods in {@code Allow}: it is answered with the route's own methods instead, and as the 404 it is when no route
 * has the address.
 */
@Controller
class ErrorEndpoint extends BasicErrorController {

    /**
     * A header every security chain writes: an error without it came from a request no chain saw (the firewall
     * refused it), and is given the product's security headers here.
     */
    private static final String NOSNIFF = "X-Content-Type-Options";

    private final ProblemWriter problems;

    private final tools.jackson.databind.json.JsonMapper json;

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    ErrorEndpoint(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
                  ProblemWriter problems, tools.jackson.databind.json.JsonMapper json,
                  ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        super(attributes, web.getError(), resolvers.orderedStream().toList());
        this.problems = problems;
        this.json = json;
        this.mappings = mappings;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!direct(request) && (api(request) || !asksForPage(request))) {
            ResponseEntity<Map<String, Object>> problem = containerProblem(request, response);
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
        if (!response.containsHeader(NOSNIFF)) {
            SecurityHeaders.page(response);
        }
        if (routeStatus(request, response) == HttpStatus.NOT_FOUND) {
            // the page says what the answer is: no route has the address
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
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
        // the answer under way, to set its Allow: this method of Boot's is given the request only
        return containerProblem(request, ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse());
    }

    /**
     * The container's error, as the API words it: the status kept, Boot's body never shown — but a 405 the container
     * gave (a {@code TRACE}) allows the route's methods, or is a 404 without a route.
     */
    private ResponseEntity<Map<String, Object>> containerProblem(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = routeStatus(request, response);
        if (response != null && !response.containsHeader(NOSNIFF)) {
            SecurityHeaders.problem(response);
        }
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

    /**
     * The error's status; a 405 the container gave (a {@code TRACE}) with the methods of the address's route in
     * {@code Allow} instead of the container's list, or a 404 when no route has the address.
     */
    private HttpStatus routeStatus(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.METHOD_NOT_ALLOWED && response != null) {
            Set<String> allowed = routeMethods(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
            // set, not added: the container's list goes (no value takes the header away)
            response.setHeader(HttpHeaders.ALLOW, allowed.isEmpty() ? null : String.join(", ", allowed));
            if (allowed.isEmpty()) {
                status = HttpStatus.NOT_FOUND;
                response.setStatus(status.value());
            }
        }
        return status;
    }

    /**
     * The methods the route of this address takes: those of the most specific patterns that match it, as Spring MVC
     * chooses ({@code /api/v1/leads/imports} takes POST, though {@code /api/v1/leads/{id}} takes GET). None when no
     * route has the address.
     */
    private Set<String> routeMethods(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        Set<String> methods = new TreeSet<>();
        PathPattern best = null;
        for (RequestMappingInfoHandlerMapping mapping : mappings.orderedStream().toList()) {
            for (var info : mapping.getHandlerMethods().keySet()) {
                if (info.getPathPatternsCondition() == null) {
                    continue;
                }
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    if (!pattern.matches(path)) {
                        continue;
                    }
                    int order = best == null ? -1 : PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, best);
                    if (order < 0) {
                        best = pattern;
                        methods.clear();
                    }
                    if (order <= 0) {
                        Set<RequestMethod> taken = info.getMethodsCondition().getMethods();
                        for (RequestMethod method : taken.isEmpty() ? Set.of(RequestMethod.values()) : taken) {
                            if (method != RequestMethod.TRACE) {
                                methods.add(method.name());
                            }
                        }
                    }
                }
            }
        }
        return methods;
    }

    /** An error dispatch of an address whose refusals are problems: the API's, a program's of the actuator. */
    private static boolean api(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                && ProgramCalls.answeredAsProblem(uri, request);
    }

    /**
     * A browser's visit, which is shown the error page: it asks for HTML. Anything else (no {@code Accept}, {@code *}/{@code *},
     * JSON) is a program, answered a problem.
     */
    private static boolean asksForPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
    }

    /** Not the container's error dispatch: someone typed /error. */
    private static boolean direct(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR;
    }
}
