package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.RecordNotFoundException;
import com.lead2cash.platform.RequestRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Screens answer refusals the controller did not show inline with the error page and its status, as the
 * API answers them: 404 missing or out of scope, 400 unreadable input (a wrong type, an unknown choice),
 * 422 refused input, 409 a stale version — never a 500 for bad input.
 */
@ControllerAdvice(annotations = Controller.class)
// before ApiFallbackHandler, which answers what no controller answers
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(RecordNotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_NOT_FOUND, null, new Object[0]);
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, HttpServletResponse response, Model model) {
        int status = e instanceof RequestRefusedException r ? r.status()
                : e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
                : e instanceof com.lead2cash.platform.ForbiddenException ? HttpServletResponse.SC_FORBIDDEN
                : e instanceof com.lead2cash.platform.BadRequestException ? HttpServletResponse.SC_BAD_REQUEST
                : 422;
        if (e instanceof FieldValidationException fields && !fields.errors().isEmpty()) {
            FieldValidationException.FieldError first = fields.errors().get(0);
            return page(response, model, status, first.messageKey(), first.args().toArray());
        }
        String page = page(response, model, status, e.messageKey(), e.args());
        if (status == 422 && !(e instanceof FieldValidationException) && Boolean.TRUE.equals(model.getAttribute("reading"))) {
            // a page the record's state refuses (an invoice form for a contract invoiced in full): every value of the
            // address was read, so the page says the reason alone — neither that a value could not be read, nor that
            // input was refused, nor a page without the values (the same record, refused the same)
            model.addAttribute("reading", false);
            model.addAttribute("plainPage", null);
            model.addAttribute("reasonOnly", true);
        }
        return page;
    }

    /**
     * {@code InvalidPropertyException}: a form row beyond what binding grows a list to ({@code lines[5000].…});
     * {@code MultipartException}: an upload that could not be read as one.
     */
    @ExceptionHandler({TypeMismatchException.class, BindException.class, MissingServletRequestParameterException.class,
            HttpMessageNotReadableException.class, org.springframework.web.multipart.MultipartException.class,
            org.springframework.beans.InvalidPropertyException.class, org.apache.tomcat.util.http.InvalidParameterException.class})
    String unreadable(Exception e, HttpServletResponse response, Model model) {
        if (e instanceof org.springframework.web.multipart.MultipartException && !isMultipart()) {
            return fileMissing(response, model); // the upload form posted as a plain form: no file in it
        }
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST, "error.page.unreadable", new Object[0]);
    }

    /** An upload form sent without the file it requires (an evidence, an import, a scan): the page says to choose one. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    String fileMissing(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST, "error.page.fileMissing", new Object[0]);
    }

    private static boolean isMultipart() {
        HttpServletRequest request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes servlet ? servlet.getRequest() : null;
        String type = request == null ? null : request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    static final String HEADER_REJECTED = "error.headerRejected";

    /** A header the firewall refuses once the page reads it (UTF-8 where headers are Latin-1): 400, said so. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    String headerRejected(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST, HEADER_REJECTED, new Object[0]);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String stale(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_CONFLICT, "error.staleVersion", new Object[0]);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    String notStorable(DataIntegrityViolationException e, HttpServletResponse response, Model model) {
        log.warn("The database refused unchecked input from a screen; answered 422", e);
        return page(response, model, 422, "error.input.notStorable", new Object[0]);
    }

    private static String page(HttpServletResponse response, Model model, int status, String messageKey, Object[] args) {
        response.setStatus(status);
        HttpServletRequest request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes servlet ? servlet.getRequest() : null;
        model.addAllAttributes(errorModel(status, messageKey, args, request));
        return "error";
    }

    /**
     * What the "error" page shows: the status, the refusal's message when there is one, and — for a form the
     * product refused (a POST answered 400, 409 or 422) — a way back to it: the browser gives the form back as it
     * was filled in, so nothing typed is lost to a refusal the page itself could not show beside its field.
     */
    static java.util.Map<String, Object> errorModel(int status, String messageKey, Object[] args, HttpServletRequest request) {
        java.util.Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", status);
        model.put("errorKey", messageKey);
        model.put("errorArgs", args);
        model.put("backToForm", request != null && "POST".equals(request.getMethod())
                && (status == HttpServletResponse.SC_BAD_REQUEST || status == HttpServletResponse.SC_CONFLICT || status == 422));
        model.put("publicReader", publicReader(request));
        // a page asked for with a value it cannot read (a filter typed into the address): nothing was sent to change,
        // and the same page without the address's values is one click away
        boolean reading = request != null && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                // a header the browser sent, not a value of the address: the page without its values would not help
                && !HEADER_REJECTED.equals(messageKey);
        model.put("reading", reading);
        // (400 a value it cannot read, 422 one out of bounds — a month in 1800)
        model.put("plainPage", reading && (status == HttpServletResponse.SC_BAD_REQUEST || status == 422)
                && request.getQueryString() != null
                // one leading slash: "//host/…" would be a link to another server
                ? pathAskedFor(request).replaceFirst("^/+", "/") : null);
        return model;
    }

    /** The path the request asked for, without its query (on the container's error dispatch, the original one). */
    private static String pathAskedFor(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        return original instanceof String path ? path : request.getRequestURI();
    }

    /**
     * A customer's contact on a public link page, signed in to nothing: the product's home is a sign-in page to
     * them, so the error page offers no way "home". (An employee whose session ended on a screen is anonymous too,
     * and for them the sign-in page is the way back.)
     */
    static boolean publicReader(HttpServletRequest request) {
        if (request == null || com.lead2cash.platform.CurrentUser.get().isPresent()) {
            return false;
        }
        return RefusalPage.publicLink(request, pathAskedFor(request));
    }
}
