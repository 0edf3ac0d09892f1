package com.lead2cash.platform.internal.web;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host's error report: an error status nothing has written a body for — a request Tomcat refused before the
 * application saw it — answered as the product answers. An address under {@code /api/} gets a problem in the
 * API's shape (as {@link ProblemWriter} writes them) — a request line too long to be read too, its address then
 * taken from what Tomcat had read of it — and so does a program's call of the actuator ({@link ProgramCalls}, by
 * the headers read before the one over the limit); anything else a plain page in the error page's style, in the
 * reader's language. Either with the security headers the product's other answers carry ({@link SecurityHeaders}):
 * no security chain saw the request. Never Tomcat's report, its version or an exception. Everything the application answered
 * itself (its /error page included) has a body already and is left alone.
 */
final class ProductErrorReportValve extends ErrorReportValve {

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;
    private final ObjectProvider<JsonMapper> json;

    ProductErrorReportValve(MessageSource messages, ObjectProvider<LocaleResolver> locales, ObjectProvider<JsonMapper> json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: only an error with no body yet, reported once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = request.getRequestURI(); // null when the request line itself could not be read
        boolean lineUnread = uri == null || uri.isEmpty();
        // a request line Tomcat could not read has no headers read either: the product's language, as for a reader
        // who names none (no Accept-Language)
        Locale locale = lineUnread ? Locale.SIMPLIFIED_CHINESE : locale(request);
        // a header over the limit: the headers read before it are known (a browser sends Accept before its cookies)
        boolean api = lineUnread ? API_LINE.matcher(requestLineStart(request)).lookingAt()
                : ProgramCalls.answeredAsProblem(uri, request);
        try {
            String body;
            if (api) {
                SecurityHeaders.problem(response);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                body = problem(status, tooLarge(throwable) ? "error.requestTooLarge"
                        : unencoded(throwable) ? "error.requestTargetUnencoded" : null, locale);
            } else {
                SecurityHeaders.page(response);
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                body = page(status, locale, uri != null && uri.startsWith(RefusalPage.PUBLIC_LINKS));
            }
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer was under way: nothing left to tell it
        }
    }

    /** A request line (method and target) of the API, as far as Tomcat had read it. */
    private static final Pattern API_LINE = Pattern.compile("[\\r\\n]*[A-Za-z]+ +(https?://[^/ ]*)?/api/");

    /**
     * The start of the request line as it came in, when Tomcat refused it before reading the address (one too long
     * for the header buffer, a character no address may hold): the address is then nowhere but in the buffer Tomcat
     * read it into. Empty when that cannot be had.
     */
    private static String requestLineStart(Request request) {
        try {
            if (request.getCoyoteRequest().getInputBuffer() instanceof Http11InputBuffer input
                    && input.getHeaderByteBuffer() != null) {
                ByteBuffer read = input.getHeaderByteBuffer().duplicate();
                byte[] start = new byte[Math.min(read.limit(), 512)];
                read.position(0);
                read.get(start);
                return new String(start, StandardCharsets.ISO_8859_1);
            }
        } catch (RuntimeException e) {
            // not an HTTP/1.1 request as Tomcat reads it: not known to be the API's
        }
        return "";
    }

    /** The request line or headers over {@code server.max-http-request-header-size}, as Tomcat says it. */
    private static boolean tooLarge(Throwable throwable) {
        return throwable instanceof IllegalArgumentException && throwable.getMessage() != null
                && throwable.getMessage().equals(TOMCAT_HTTP11.getString("iib.requestheadertoolarge.error"));
    }

    private static final StringManager TOMCAT_HTTP11 = StringManager.getManager(Http11InputBuffer.class);

    /** How Tomcat begins the refusal of a character no request target may hold, up to the target it names. */
    private static final String INVALID_TARGET = invalidTargetStart();

    private static String invalidTargetStart() {
        String marked = TOMCAT_HTTP11.getString("iib.invalidRequestTarget", "\0");
        return marked.indexOf('\0') < 0 ? "" : marked.substring(0, marked.indexOf('\0'));
    }

    /**
     * A request target refused for a character beyond ASCII sent as it is ({@code ?q=走查} in UTF-8, not
     * {@code ?q=%E8%B5%B0%E6%9F%A5}): Tomcat takes no option to read one (its relaxed characters are ASCII
     * punctuation only), so the answer says how to send it. Tomcat names the target it refused, a byte beyond
     * ASCII as its hexadecimal value: a UTF-8 character is a lead byte followed by a continuation byte.
     */
    private static final Pattern UTF8_BYTES = Pattern.compile("0x[c-f][0-9a-f]0x[89ab][0-9a-f]", Pattern.CASE_INSENSITIVE);

    private static boolean unencoded(Throwable throwable) {
        if (!(throwable instanceof IllegalArgumentException) || throwable.getMessage() == null
                || INVALID_TARGET.isEmpty() || !throwable.getMessage().startsWith(INVALID_TARGET)) {
            return false;
        }
        return UTF8_BYTES.matcher(throwable.getMessage().substring(INVALID_TARGET.length())).find();
    }

    private String problem(int status, String reason, Locale locale) {
        HttpStatus known = HttpStatus.resolve(status);
        String key = reason != null ? reason
                : status == 404 ? "error.noRoute" : status >= 500 ? "error.unexpected" : "error.badRequest";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(known != null ? known : HttpStatus.BAD_REQUEST,
                messages.getMessage(key, null, key, locale));
        problem.setStatus(status);
        problem.setTitle(messages.getMessage("problem.title." + status, null,
                known != null ? known.getReasonPhrase() : String.valueOf(status), locale));
        problem.setType(URI.create("urn:lead2cash:problem:" + key));
        problem.setProperty("code", key);
        return json.getObject().writeValueAsString(problem);
    }

    /** The error page (templates/error.html) with its status and one sentence, and no home link on a public link. */
    private String page(int status, Locale locale, boolean publicReader) {
        String sentence = switch (status) {
            case 400 -> "error.page.inputRead";
            case 403 -> "error.page.403";
            case 404 -> "error.page.404";
            default -> "error.page.other";
        };
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"").append(HtmlUtils.htmlEscape(locale.toLanguageTag())).append("\">\n<head>\n")
                .append("  <meta charset=\"utf-8\">\n")
                .append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("  <title>").append(text("error.page.title", locale)).append("</title>\n")
                .append("  <link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\">\n")
                .append("  <link rel=\"stylesheet\" href=\"/webjars/bootstrap/dist/css/bootstrap.min.css\">\n")
                .append("</head>\n<body class=\"bg-light\">\n<main class=\"container py-5\" style=\"max-width: 40rem\">\n")
                .append("  <h1 class=\"display-6\">").append(status).append("</h1>\n")
                .append("  <p class=\"lead\">").append(text(sentence, locale)).append("</p>\n");
        if (!publicReader) {
            html.append("  <a class=\"btn btn-primary\" href=\"/\" id=\"error-home\">").append(text("error.page.home", locale))
                    .append("</a>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale));
    }

    /** The reader's language as the application chooses it (its cookie, else Accept-Language). */
    private Locale locale(Request request) {
        try {
            LocaleResolver resolver = locales.getIfAvailable();
            if (resolver != null) {
                return resolver.resolveLocale(request);
            }
        } catch (RuntimeException e) {
            // a request refused this early may not let its cookies be read: its Accept-Language then
        }
        return request.getLocale();
    }
}
