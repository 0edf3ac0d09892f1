package com.lead2cash.platform.internal.web.once;

import com.lead2cash.platform.ConflictException;
import com.lead2cash.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
        // twice at most: a first post that gave its claim back between our insert and our read leaves it free
        for (int attempt = 0; attempt < 2; attempt++) {
            if (submissions.claim(token, user.get().id())) {
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
            String location = first.get().location().get();
            FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
            flash.put("flashNotice", "flash.form.alreadySent");
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(HttpHeaders.LOCATION, location);
            return false;
        }
        throw new ConflictException("error.form.beingSaved");
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
