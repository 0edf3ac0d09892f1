package com.lead2cash.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a record names for the one page that shows it to its reader — a contact's link opens a page in the
 * language their record says they are written to in (decision 0098). It outranks the browser's {@code Accept-Language},
 * not the reader's own pick: a {@code ?lang=} on the request, or the one kept from an earlier pick, still decides.
 * Only zh-CN and English are written; any other is zh-CN.
 */
public final class PageLanguage {

    private static final String ATTRIBUTE = PageLanguage.class.getName() + ".NAMED";

    private PageLanguage() {
    }

    /** The page this request renders is in {@code language} unless the reader picked one; null names none. */
    public static void name(HttpServletRequest request, Locale language) {
        if (language != null) {
            request.setAttribute(ATTRIBUTE, language);
        }
    }

    /** The language named for this request's page ({@link #name}), if any; the platform's language resolver asks it. */
    public static Optional<Locale> named(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale l ? Optional.of(l) : Optional.empty();
    }
}
