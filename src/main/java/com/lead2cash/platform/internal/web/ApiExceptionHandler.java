package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.internal.security.Challenges;
import com.lead2cash.platform.internal.security.LoginThrottledException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem ({@code application/problem+json}): 422 with field errors
 * for refused input, 404 for a missing or out-of-scope record, 409 for a stale version or a lost race.
 */
// first: page handlers match REST controllers too (@RestController is a @Controller)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** One refused field, as the API reports it; an unknown enum value also names the values allowed. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record FieldProblem(String field, String code, String message, List<String> allowedValues) {
        FieldProblem(String field, String code, String message) {
            this(field, code, message, null);
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemWriter problems;
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ApiExceptionHandler(ProblemWriter problems, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.problems = problems;
        this.mappings = mappings;
    }

    /** A parameter that cannot be read at all (a forged cursor, a page size of zero): 400 naming it. */
    @ExceptionHandler(com.lead2cash.platform.BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(com.lead2cash.platform.BadRequestException e) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.badRequest");
        problem.setProperty("errors", e.errors().stream()
                .map(f -> new FieldProblem(f.field(), f.messageKey(), problems.message(f.messageKey(), f.args().toArray())))
                .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** An update without the version it was read at. */
    @ExceptionHandler(com.lead2cash.platform.VersionRequiredException.class)
    ResponseEntity<ProblemDetail> versionRequired(com.lead2cash.platform.VersionRequiredException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .body(problems.problem(HttpStatus.PRECONDITION_REQUIRED, e.messageKey()));
    }

    /** The caller's role may not do this. */
    @ExceptionHandler(com.lead2cash.platform.ForbiddenException.class)
    ResponseEntity<ProblemDetail> roleRefused(com.lead2cash.platform.ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.problem(HttpStatus.FORBIDDEN, e.messageKey(), e.args()));
    }

    @ExceptionHandler(FieldValidationException.class)
    ResponseEntity<ProblemDetail> fields(FieldValidationException e) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey());
        problem.setProperty("errors", e.errors().stream()
                .map(f -> new FieldProblem(f.field(), f.messageKey(), problems.message(f.messageKey(), f.args().toArray())))
                .toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RecordNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.problem(HttpStatus.NOT_FOUND, e.messageKey(), e.args()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, e.messageKey(), e.args());
        e.problemProperties().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(com.lead2cash.platform.RequestRefusedException.class)
    ResponseEntity<ProblemDetail> refused(com.lead2cash.platform.RequestRefusedException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        var response = ResponseEntity.status(status);
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        if (e.challenge() != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, e.challenge());
        }
        return response.body(problems.problem(status, e.messageKey(), e.args()));
    }

    /** A duplicate the modules did not foresee: someone was first. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        log.warn("A duplicate reached the database unchecked; answered 409", e);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.problem(HttpStatus.CONFLICT, "error.duplicate"));
    }

    /**
     * The safety net for input the modules did not check and the database refused (a value out of a column's
     * range or length, a reference to nothing): a 422, and the transaction rolled back, so nothing was stored.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> notStorable(DataIntegrityViolationException e) {
        log.warn("The database refused unchecked input; answered 422", e);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.input.notStorable"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.problem(HttpStatus.CONFLICT, "error.staleVersion"));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey(), e.args()));
    }

    /** One answer for every refused sign-in (unknown user, wrong password, locked, deactivated): no hint which. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        if (e instanceof LoginThrottledException throttled) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()))
                    .body(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "error.loginThrottled",
                            throttled.retryAfterMinutes()));
        }
        // RFC 9110: every 401 names a scheme; a username and password go in the body here, no HTTP scheme fits
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, Challenges.PASSWORD)
                .body(problems.problem(HttpStatus.UNAUTHORIZED, "error.badCredentials"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.problem(HttpStatus.FORBIDDEN, "error.forbidden"));
    }

    /**
     * A value of the wrong type, 400 naming it ({@code GET /api/v1/leads/abc}) — unless the address is a route of
     * its own that takes other methods: {@code GET /api/v1/leads/imports} is matched as {@code /api/v1/leads/{id}}
     * since only {@code POST} has the literal route, and is a wrong method (405, as on every other route).
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e,
                                               jakarta.servlet.http.HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            java.util.Collection<org.springframework.http.HttpMethod> others = literalRouteMethods(request);
            if (!others.isEmpty()) {
                return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                        .allow(others.toArray(org.springframework.http.HttpMethod[]::new))
                        .body(problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "error.wrongMethod"));
            }
        }
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.badParameter", e.getName());
        problem.setProperty("errors", List.of(fieldProblem(e.getName(), e.getRequiredType(), "error.badParameter")));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The methods of the routes that match this address more specifically than the one chosen for it (a literal
     * word where the chosen route has a variable), none of which takes the request's method.
     */
    private java.util.Collection<org.springframework.http.HttpMethod> literalRouteMethods(
            jakarta.servlet.http.HttpServletRequest request) {
        Object best = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        org.springframework.web.bind.annotation.RequestMethod method =
                org.springframework.web.bind.annotation.RequestMethod.resolve(request.getMethod());
        if (best == null || method == null) {
            return List.of();
        }
        PathPattern chosen = PathPatternParser.defaultInstance.parse(best.toString());
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        java.util.Map<String, org.springframework.http.HttpMethod> methods = new java.util.TreeMap<>();
        mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
            var allowed = info.getMethodsCondition().getMethods();
            if (info.getPathPatternsCondition() == null || allowed.isEmpty() || allowed.contains(method)) {
                return;
            }
            if (info.getPathPatternsCondition().getPatterns().stream().anyMatch(pattern -> pattern.matches(path)
                    && PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, chosen) < 0)) {
                allowed.forEach(m -> methods.put(m.name(), m.asHttpMethod()));
            }
        }));
        return methods.values();
    }

    /**
     * A header (or parameter) the firewall refuses once the application reads it — a character no header may hold,
     * such as UTF-8 sent where headers are Latin-1: the client's error, not ours.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> headerRejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return ResponseEntity.badRequest().body(problems.problem(HttpStatus.BAD_REQUEST, "error.headerRejected"));
    }

    /**
     * A query string Tomcat cannot decode ({@code ?cursor=%%%}, or escapes whose bytes are no UTF-8 text:
     * {@code ?q=%ED%A0%80}): the client's error, not ours, said in the words that fit ({@link QueryEncoding}).
     */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> badEncoding(org.apache.tomcat.util.http.InvalidParameterException e,
                                              jakarta.servlet.http.HttpServletRequest request) {
        return ResponseEntity.badRequest().body(problems.problem(HttpStatus.BAD_REQUEST,
                QueryEncoding.refusal(request.getQueryString())));
    }

    /** A value that could not be bound to its field; for an enum the answer lists the values allowed. */
    private FieldProblem fieldProblem(String field, Class<?> type, String key) {
        if (type != null && type.isEnum()) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return new FieldProblem(field, "error.badEnum",
                    problems.message("error.badEnum", field, String.join(", ", allowed)), allowed);
        }
        return new FieldProblem(field, key, problems.message(key, field));
    }

    /** Anything unforeseen: logged with its stack, answered as a problem without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class).error("Unexpected error in an API call", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected"));
    }

    /** Problems Spring MVC answers itself (a missing part, an unsupported media type) get a type and code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            String key = "error.http." + statusCode.value();
            problem.setType(java.net.URI.create("urn:lead2cash:problem:" + key));
            problem.setProperty("code", key);
            // in the reader's language, as every other refusal (Spring's own words are English)
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            if (status != null) {
                problem.setTitle(problems.problem(status, key).getTitle());
                String detail = problems.message(key);
                if (!detail.equals(key)) {
                    problem.setDetail(detail);
                }
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.validation");
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                // the code is the message's key, as every other refusal names it ("validation.NotBlank"), not the
                // constraint's bare name ("NotBlank")
                .map(f -> new FieldProblem(f.getField(), "validation." + f.getCode(), problems.message(
                        "validation." + f.getCode(), f.getDefaultMessage())))
                .toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    /**
     * A required parameter left out, named as what the caller sent: a query parameter ({@code GET /api/v1/quotes}
     * without {@code opportunityId}), or a field of a posted form (an acceptance's multipart without its quantity).
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String key = postedForm(request.getHeader(HttpHeaders.CONTENT_TYPE)) ? "error.missingField"
                : "error.missingParameter";
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, key, ex.getParameterName());
        problem.setProperty("errors", List.of(new FieldProblem(ex.getParameterName(), key,
                problems.message(key, ex.getParameterName()))));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A part of a multipart form left out (an evidence upload whose file is sent under another name): 400 naming the
     * part as a field of the form, in the reader's language, as a form field left out is named — not Spring's English.
     */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            org.springframework.web.multipart.support.MissingServletRequestPartException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.missingField", ex.getRequestPartName());
        problem.setProperty("errors", List.of(new FieldProblem(ex.getRequestPartName(), "error.missingField",
                problems.message("error.missingField", ex.getRequestPartName()))));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Whether the body is a form (URL-encoded or multipart), whose fields Spring reads as request parameters. */
    private static boolean postedForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // a body past l2c.web.max-body-size (BodyLimitFilter), wrapped by whichever reader met it: 413
        for (Throwable t = ex.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problems.problem(
                        HttpStatus.CONTENT_TOO_LARGE, "error.bodyTooLarge", tooLarge.limitMegabytes()));
            }
        }
        // a value read but refused by the input rules (a NUL, an overlong text, an amount out of range): 422
        if (ex.getCause() instanceof RefusedInputException refused) {
            String field = path(refused);
            ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.validation");
            problem.setProperty("errors", List.of(new FieldProblem(field, refused.messageKey(),
                    problems.message(refused.messageKey(), refused.args()))));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
        }
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "error.unreadable");
        // a field named twice in one object ({"name":"X","name":"Y"}): which value was meant cannot be told
        if (ex.getCause() instanceof tools.jackson.core.exc.StreamReadException read
                && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith(DUPLICATE_FIELD)
                && read.processor() != null) {
            String field = InputRulesJacksonModule.path(read.processor());
            problem.setProperty("errors", List.of(new FieldProblem(field, "error.duplicateField",
                    problems.message("error.duplicateField", field))));
            return ResponseEntity.badRequest().body(problem);
        }
        // name the field whose value could not be read (a wrong enum, a date in the wrong format)
        if (ex.getCause() instanceof tools.jackson.core.JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json);
            // a null element is named as such, whatever the list holds (a null in a list of enums is no bad value)
            FieldProblem unreadable = json instanceof tools.jackson.databind.exc.InvalidNullException
                    ? fieldProblem(field, null, "error.nullElement")
                    : json instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown
                    ? new FieldProblem(field, "error.unknownField", problems.message("error.unknownField",
                            unknown.getPropertyName(), unknown.getKnownPropertyIds().stream().map(String::valueOf)
                                    .sorted().collect(java.util.stream.Collectors.joining(", "))))
                    : fieldProblem(field, json instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
                            ? mismatch.getTargetType() : null, "error.unreadableField");
            problem.setProperty("errors", List.of(unreadable));
        }
        return ResponseEntity.badRequest().body(problem);
    }


    /**
     * How Jackson's strict duplicate detection (StreamReadFeature.STRICT_DUPLICATE_DETECTION, {@link InputConfiguration})
     * begins its refusal, its only mark.
     */
    private static final String DUPLICATE_FIELD = "Duplicate Object property";

    /**
     * An answer asked for in a type the API does not write ({@code Accept: application/yaml}) is a problem in the
     * reader's language ({@link #createResponseEntity}); so is one asked for with an Accept header that cannot be
     * read at all ({@code Accept: garbage}), which Spring would answer with no body, finding no type to write the
     * problem in: it is written as JSON here.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            org.springframework.web.HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String[] accept = request.getHeaderValues(HttpHeaders.ACCEPT);
        try {
            if (accept != null) {
                org.springframework.http.MediaType.parseMediaTypes(List.of(accept));
            }
        } catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                    && servlet.getResponse() != null && !servlet.getResponse().isCommitted()) {
                try {
                    servlet.getResponse().resetBuffer();
                    problems.write(servlet.getRequest(), servlet.getResponse(), HttpStatus.NOT_ACCEPTABLE,
                            "error.http.406");
                    return null;
                } catch (java.io.IOException | IllegalStateException e) {
                    return null; // the client is gone: nothing left to tell it
                }
            }
        }
        return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
    }

    static String path(tools.jackson.core.JacksonException json) {
        return json.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }
}
