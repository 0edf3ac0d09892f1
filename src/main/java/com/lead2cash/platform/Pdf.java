package com.lead2cash.platform;

import java.util.Locale;
import java.util.Map;

/**
 * Printable documents (打印件): a Thymeleaf template rendered to an A4 PDF with the company's letterhead
 * and embedded Chinese fonts, so the text layer stays searchable and copyable. Quotes and contracts use
 * the same mechanism; the same template also serves the printable HTML page.
 *
 * <p>Templates are well-formed XHTML (every element closed, no named entities) and link nothing
 * context-relative; they get {@code letterhead} ({@link Letterhead}) in their model and include
 * {@code pdf/layout :: styles} and {@code pdf/layout :: letterhead}.
 */
public interface Pdf {

    /** The font family a template names for Chinese and Latin text alike. */
    String FONT_FAMILY = "Noto Sans SC";

    /** The family a template names after {@link #FONT_FAMILY} for the emoji that font lacks, drawn in one colour (0108). */
    String EMOJI_FONT_FAMILY = "Noto Emoji";

    /**
     * The family a template names last: a box for each ideograph beyond the Basic Multilingual Plane (𠀀 𪚥), which
     * no shipped font draws, the character kept in the text layer (docs/decisions/0108).
     */
    String PLACEHOLDER_FONT_FAMILY = "L2C Placeholder";

    /** Renders {@code templates/<template>.html} with the model in the given language. */
    byte[] render(String template, Map<String, Object> model, Locale locale);

    /** The same template as an HTML page (the printable view), with the same model. */
    String html(String template, Map<String, Object> model, Locale locale);
}
