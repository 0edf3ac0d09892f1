package com.lead2cash.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Reads every upload (multipart request) of a signed-in caller before anything else does, so that one above the
 * size limit is answered as the product answers, not by the container: a 413 problem in the API, and on a page
 * the form's screen again with a message saying the limit. Read later — by the CSRF check or a
 * controller — a too-large body would only surface as a missing parameter or a server error. A file
 * name the container refuses (a NUL in it) is answered here too, for the same reason, and so is a file name
 * too long for the container's limit on a part's headers ({@code server.tomcat.max-part-header-size}): with
 * its own message about the name, never the size message (it was, for a 450-character name, "larger than 32 MB").
 * A body that cannot be read as parts at all — cut off before its closing boundary (a dropped upload), or sent
 * without a boundary — is the caller's mistake: 400, a problem in the API and the error page on a screen, never
 * a 500 and an ERROR with its stack.
 * <p>
 * It runs inside the security chains ({@code SecurityConfiguration}), not before them: in the API's after the
 * request is authorised, on the screens after the session's sign-in is known and before the CSRF check (a form's
 * token may be one of the parts). The body of a caller who is not signed in is never read into parts here or by
 * anything after ({@link BodyUnread}): the chain refuses them — 401 in the API, sign-in on a screen — on what the
 * address and the headers say, where an anonymous client could make the server read 32 MB before being refused.
 * Its own answers set the product's security headers ({@link SecurityHeaders}), as the chains write them.
 */
@Component // a filter of the security chains only: its registration as the container's is switched off (WebConfiguration)
public class UploadLimitFilter extends OncePerRequestFilter {

    private static final String KEY = "error.uploadTooLarge";
    private static final String CONTROL_CHARACTER = "error.input.controlCharacter";
    private static final String NAME_TOO_LONG = "error.uploadNameTooLong";
    private static final String UNREADABLE = "error.uploadUnreadable";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UploadLimitFilter.class);

    private final ProblemWriter problems;
    private final DataSize maxUpload;
    private final DataSize maxPartHeader;
    private final ErrorPageOutsideDispatcher errorPage;
    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<PathPattern> pages;

    UploadLimitFilter(ProblemWriter problems, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload,
                      @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader,
                      ErrorPageOutsideDispatcher errorPage,
                      @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.problems = problems;
        this.errorPage = errorPage;
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
        if (!signedIn()) {
            chain.doFilter(new BodyUnread(request), response);
            return;
        }
        try {
            request.getParts();
        } catch (RuntimeException | IOException | ServletException e) {
            if (refusedFileName(e)) {
                refuseHere(request, response, HttpStatus.UNPROCESSABLE_CONTENT, CONTROL_CHARACTER);
                return;
            }
            if (partHeaderTooLarge(e)) {
                refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, NAME_TOO_LONG);
                return;
            }
            if (tooLarge(e)) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, KEY, maxUpload.toMegabytes());
                return;
            }
            if (e instanceof RuntimeException && !(e instanceof IllegalStateException)) {
                throw e; // not the container's refusal of the body (it reports those as IllegalStateException)
            }
            // the container could not read the body as parts: cut off (MalformedStreamException), no boundary, …
            log.info("Upload to {} refused: its body could not be read as parts ({})", request.getRequestURI(), e.toString());
            refuseHere(request, response, HttpStatus.BAD_REQUEST, UNREADABLE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Signed in as someone: not anonymous (the session's sign-in or the API's token, as the chain has read it). */
    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }

    /**
     * A request whose body is not read as parts: its parameters are those of its address only, it has no parts.
     * What an anonymous upload is seen as by the rest of the chain (the CSRF check looks for its token in the
     * address, then in the parameters — which would have read every part), until the chain refuses it.
     */
    static final class BodyUnread extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        BodyUnread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterMap().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, List<String>> read = new LinkedHashMap<>();
                for (QueryPair pair : QueryPair.of(getQueryString())) {
                    read.computeIfAbsent(pair.name(), n -> new ArrayList<>()).add(pair.value() == null ? "" : pair.value());
                }
                Map<String, String[]> values = new LinkedHashMap<>();
                read.forEach((name, list) -> values.put(name, list.toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(values);
            }
            return parameters;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }

    /** A problem in the API; on a screen, back to the form's screen with the message. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                        Object... args) throws IOException {
        // as the chain writes them (it would write them only as the answer is sent)
        if (ProgramCalls.api(request)) {
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
     * Answered where the request was: a problem in the API, the error page on a screen (as PageExceptionHandler
     * shows it), both in the reader's language though the dispatcher has not chosen it. A file name with a NUL, which the container refuses to hand out (and would have answered 500): text
     * the product never takes, refused as every NUL is — 422. A body that cannot be read as parts: 400.
     */
    private void refuseHere(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException, ServletException {
        if (ProgramCalls.api(request)) {
            SecurityHeaders.problem(response);
            problems.write(request, response, status, key);
        } else {
            SecurityHeaders.page(response);
            // the error page rendered here: an error dispatch would parse the upload again and fail the same way
            errorPage.render(request, response, status.value(),
                    PageExceptionHandler.errorModel(status.value(), key, new Object[0], request));
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
