package com.lead2cash.platform.internal.web.once;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A form is saved once (docs/decisions/0027): a post carrying a one-time token ({@link OnceTokenField}) claims it
 * before its controller runs. The same form sent again — Back and Save again, a reload after the post, a client
 * retrying — finds the claim and does not run again: it is sent where the first post's redirect went, with a
 * notice, or told (409) that the first is still being saved. A post that saved nothing (re-rendered with its
 * errors, refused with a message on the next page, failed) gives its claim back.
 */
final class SentOnce implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SentOnce.class);

    /** The token this request claimed, for {@link #afterCompletion} to record or give back. */
    private static final String CLAIMED = SentOnce.class.getName() + ".claimed";

    /** The flash attribute of a refusal told on the next page ({@code platform.web.Flash#error}): nothing was saved. */
    private static final String REFUSED = "flashError";

    private final FormSubmissions submissions;

    SentOnce(FormSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<CurrentUser> user = CurrentUser.get();
        String token = request.getParameter(OnceTokenField.FIELD);
        if (!"POST".equals(request.getMethod()) || user.isEmpty() || token == null
                || !OnceTokenField.SHAPE.matcher(token).matches()) {
            return true;
        }
        // Back reloads a page the browser does not keep, with a new token and the values typed: the same values sent
        // again soon after by the same user are the same form sent again
        String fingerprint = fingerprint(request);
        Optional<String> alike = fingerprint == null ? Optional.empty()
                : submissions.savedAlike(user.get().id(), fingerprint);
        if (alike.isPresent()) {
            return alreadySent(request, response, alike.get());
        }
        // twice at most: a first post that gave its claim back between our insert and our read leaves it free
        for (int attempt = 0; attempt < 2; attempt++) {
            if (submissions.claim(token, user.get().id(), fingerprint)) {
                request.setAttribute(CLAIMED, token);
                return true;
            }
            Optional<FormSubmissions.Submission> first = submissions.find(token);
            if (first.isEmpty()) {
                continue;
            }
            if (!first.get().userId().equals(user.get().id())) {
                // whose form it was is not the sender's business
                throw new ConflictException("error.form.notYours");
            }
            if (first.get().location().isEmpty()) {
                throw new ConflictException("error.form.beingSaved");
            }
            return alreadySent(request, response, first.get().location().get());
        }
        throw new ConflictException("error.form.beingSaved");
    }

    /** To what the first post saved, with the notice that the form was already sent. */
    private static boolean alreadySent(HttpServletRequest request, HttpServletResponse response, String location) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("flashNotice", "flash.form.alreadySent");
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, location);
        return false;
    }

    /**
     * The post as its values say it: the address and every parameter but the tokens, in order. None for an upload,
     * whose file is no parameter: two different files under the same choices are two imports.
     */
    static String fingerprint(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            if (!OnceTokenField.FIELD.equals(name) && !"_csrf".equals(name)) {
                sha.update((name + "=" + String.join("\u0000", values) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(request.getAttribute(CLAIMED) instanceof String token)) {
            return;
        }
        int status = response.getStatus();
        String location = response.getHeader(HttpHeaders.LOCATION);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        boolean refused = flash != null && flash.containsKey(REFUSED);
        try {
            if (ex == null && status >= 300 && status < 400 && location != null && !refused) {
                submissions.saved(token, location);
            } else {
                submissions.release(token);
            }
        } catch (RuntimeException e) {
            // the post's own answer stands; an unrecorded claim is forgotten with the day's old ones
            log.warn("could not record the outcome of a form's post to {}", request.getRequestURI(), e);
        }
    }
}
