package com.lead2cash.platform;

import java.util.Locale;

/**
 * The language of a document the company sends its customer (quote, needs analysis, acceptance form) and of its
 * e-mail: Chinese unless English is asked for. Another language is refused (422 on {@code locale}) rather than
 * answered with a Chinese document the caller did not ask for.
 */
public final class DocumentLanguage {

    /** The languages documents are written in, as a refusal names them. */
    public static final String SUPPORTED = "zh-CN, en";

    /** What an API request's {@code locale} is, for the API document. */
    public static final String API_DESCRIPTION = "The document's language: zh-CN (when none is given) or en; any other "
            + "is refused (422)";

    /** What a {@code locale} of a document sent to a customer's contact is, for the API document (decision 0089). */
    public static final String API_DESCRIPTION_TO_CONTACT = "The document's language: zh-CN or en; when none is given,"
            + " the language the contact prefers (their record's, zh-CN unless en); any other is refused (422)";

    private DocumentLanguage() {
    }

    /**
     * The language a sender named for a document sent to a customer's contact, or null when they named none: the
     * contact's preferred language is then the document's (decision 0089). Another language is refused as by
     * {@link #of}.
     */
    public static Locale named(String tag) {
        return tag == null || tag.isBlank() ? null : of(tag);
    }

    /** The document's language for a requested tag ({@code en}, {@code en-GB}, {@code zh-CN}, none: Chinese). */
    public static Locale of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new FieldValidationException("locale", "error.input.documentLanguage", SUPPORTED);
        };
    }
}
