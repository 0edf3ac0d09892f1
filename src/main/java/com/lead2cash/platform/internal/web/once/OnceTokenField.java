package com.lead2cash.platform.internal.web.once;

import com.lead2cash.platform.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Puts a fresh one-time token ({@value #FIELD}) into every POST form a signed-in user's page renders with
 * {@code th:action}, beside what the wrapped processor adds (Spring Security's {@code _csrf}). A GET form (a
 * filter) and a page for someone signed in to nothing (the sign-in page, a contact's public link) get none.
 */
final class OnceTokenField implements RequestDataValueProcessor {

    static final String FIELD = "_once";

    /** 32 random bytes, base64url without padding: what {@link #token} makes, and nothing else is taken as one. */
    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** The method of the form being rendered, from its action to its hidden fields (as Spring Security does). */
    private static final String POSTING = OnceTokenField.class.getName() + ".posting";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequestDataValueProcessor delegate;

    OnceTokenField(RequestDataValueProcessor delegate) {
        this.delegate = delegate;
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String method) {
        request.setAttribute(POSTING, "post".equalsIgnoreCase(method));
        return delegate.processAction(request, action, method);
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return delegate.processFormFieldValue(request, name, value, type);
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> delegated = delegate.getExtraHiddenFields(request);
        if (delegated != null) {
            fields.putAll(delegated);
        }
        boolean posting = Boolean.TRUE.equals(request.getAttribute(POSTING));
        request.removeAttribute(POSTING);
        if (posting && CurrentUser.get().isPresent()) {
            fields.put(FIELD, token());
        }
        return fields;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        return delegate.processUrl(request, url);
    }
}
