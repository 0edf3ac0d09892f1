package com.lead2cash.platform;

import java.util.Locale;

/**
 * The language of a document the company sends its customer (quote, needs analysis, acceptance form) and of its
 * e-mail: English when asked for, Chinese otherwise — whatever else is asked, the customer still gets a document.
 */
public final class DocumentLanguage {

    private DocumentLanguage() {
    }

    /** The document's language for a requested tag ({@code en}, {@code en-GB}, {@code zh}, none…). */
    public static Locale of(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
}
