package com.lead2cash.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Reads every upload (multipart request) before anything else does, so that one above the size limit
 * is answered as the product answers, not by the container: a 413 problem in the API, and on a page
 * the form's screen again with a message saying the limit. Read later — by the CSRF check or a
 * controller — a too-large body would only surface as a missing parameter or a server error. A file
 * name the container refuses (a NUL in it) is answered here too, for the same reason, and so is a file name
 * too long for the container's limit on a part's headers ({@code server.tomcat.max-part-header-size}): with
 * its own message about the name, never the size message (it was, for a 450-character name, "larger than 32 MB").
 * Its answers carry the product's security headers ({@link SecurityHeaders}): it runs before the security chains.
 */
@Component
@Order(-104) // after the request context (locale) is set up, before Spring Security
class UploadLimitFilter extends OncePerRequestFilter {

    private static final String KEY = "error.uploadTooLarge";
    private static final String CONTROL_CHARACTER = "error.input.controlCharacter";
    private static final String NAME_TOO_LONG = "error.uploadNameTooLong";

    private final ProblemWriter problems;
    private final DataSize maxUpload;
    private final DataSize maxPartHeader;
    private final ViewResolver views;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> pages;

    UploadLimitFilter(ProblemWriter problems, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload,
                      @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader,
                      @Qualifier("thymeleafViewResolver") ViewResolver views,
                      @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.problems = problems;
        this.views = views;
        this.maxUpload = maxUpload;
        this.maxPartHeader = maxPartHeader;
        this.mappings = mappings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (RuntimeException | IOException | ServletException e) {
            if (refusedFileName(e)) {
                refuseFileName(request, response);
                return;
            }
            if (partHeaderTooLarge(e)) {
                refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, NAME_TOO_LONG);
                return;
            }
            if (!tooLarge(e)) {
                throw e;
            }
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, KEY, maxUpload.toMegabytes());
            return;
        }
        chain.doFilter(request, response);
    }

    /** A problem in the API; on a screen, back to the form's screen with the message. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                        Object... args) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // this filter runs before the security chains, which would have written the product's headers
        if (path.startsWith("/api/")) {
            SecurityHeaders.problem(response);
            problems.write(request, response, status, key, args);
        } else {
            SecurityHeaders.page(response);
            String[] screen = formScreen(request);
            FlashMap flash = new FlashMap();
            flash.put("flashError", key);
            flash.put("flashArgs", args);
            flash.setTargetRequestPath(screen[0]);
            flashMaps.saveOutputFlashMap(flash, request, response);
            response.sendRedirect(screen[0] + (screen[1] == null ? "" : "?" + screen[1]));
        }
    }

    /**
     * The screen the form was on, as path and query: the page the browser names as the referrer (a contract's
     * page posts its signing to /contracts/{id}/signing, which has no page of its own), kept to a path of this
     * application; without one, the nearest page at or above the address posted to — the address itself when
     * the form posts to its own screen (/leads/imports), else the screen it hangs off (/admin/calendar/import
     * is on /admin/calendar, /contracts/{id}/signing on /contracts/{id}), never an address that only takes posts.
     */
    private String[] formScreen(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                java.net.URI page = new java.net.URI(referer);
                String path = page.getRawPath();
                // a path only, so never another site: not "//host/…" (a browser reads that as a host) nor a backslash
                if (path != null && path.startsWith(request.getContextPath() + "/") && !path.startsWith("//")
                        && !path.contains("\\") && (page.getHost() == null || page.getHost().equals(request.getServerName()))) {
                    return new String[] {path, page.getRawQuery()};
                }
            } catch (java.net.URISyntaxException unreadable) {
                // no screen to go back to: the address posted to
            }
        }
        return new String[] {pageAtOrAbove(request), null};
    }

    /** The nearest address at or above the one posted to that a GET answers; the address posted to if none does. */
    private String pageAtOrAbove(HttpServletRequest request) {
        String context = request.getContextPath();
        String path = request.getRequestURI().substring(context.length());
        for (String candidate = path.replaceAll("/+$", ""); !candidate.isEmpty();
                candidate = candidate.substring(0, candidate.lastIndexOf('/'))) {
            PathContainer parsed = PathContainer.parsePath(candidate);
            if (pages().stream().anyMatch(page -> page.matches(parsed))) {
                return context + candidate;
            }
        }
        return request.getRequestURI();
    }

    /** The address patterns of the screens' and API's handlers that answer GET, read once from Spring MVC. */
    private List<PathPattern> pages() {
        List<PathPattern> known = pages;
        if (known == null) {
            RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
            known = mapping == null ? List.of() : mapping.getHandlerMethods().keySet().stream()
                    .filter(info -> info.getMethodsCondition().getMethods().isEmpty()
                            || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                    .flatMap(info -> info.getPatternValues().stream())
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
            pages = known;
        }
        return known;
    }

    /**
     * A file name with a NUL, which the container refuses to hand out (and would have answered 500): text the
     * product never takes, refused as every NUL is — 422, the problem in the API and the error page on a screen.
     */
    private void refuseFileName(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            SecurityHeaders.problem(response);
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, CONTROL_CHARACTER);
        } else {
            SecurityHeaders.page(response);
            // the error page as PageExceptionHandler shows it, rendered here: an error dispatch would parse the
            // upload again and fail the same way
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            try {
                View page = views.resolveViewName("error", LocaleContextHolder.getLocale());
                page.render(PageExceptionHandler.errorModel(HttpStatus.UNPROCESSABLE_CONTENT.value(), CONTROL_CHARACTER,
                        new Object[0], request), request, response);
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** The container refused a file name (Tomcat wraps its InvalidFileNameException in an IllegalStateException). */
    private static boolean refusedFileName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFileNameException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A part's headers over the container's limit: in practice its file name (the Content-Disposition header
     * carries it, three bytes for a Chinese character), told by the limit the container names, not by its words.
     */
    private boolean partHeaderTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SizeException size && size.getPermittedSize() == maxPartHeader.toBytes()) {
                return true;
            }
        }
        return false;
    }

    /** The container's own words for a body over its multipart limits (the test Spring itself uses). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("exceed") && (message.contains("size") || message.contains("length"))) {
                return true;
            }
        }
        return false;
    }
}
