package com.lead2cash.platform.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post-redirect-get flash messages: a bundle key shown once on the next page. */
public final class Flash {

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
        redirect.addFlashAttribute("flashArgs", args);
    }

    /**
     * The refusal's message: for field errors the first field's, which says what to fix, and each other different
     * message after it ({@code flashMore}, as {@code [key, args]} pairs), so one submit tells all that is wrong.
     */
    public static void error(RedirectAttributes redirect, com.lead2cash.platform.DomainException e) {
        if (e instanceof com.lead2cash.platform.FieldValidationException fields && !fields.errors().isEmpty()) {
            var first = fields.errors().get(0);
            error(redirect, first.messageKey(), first.args().toArray());
            java.util.LinkedHashMap<String, Object[]> more = new java.util.LinkedHashMap<>();
            for (var other : fields.errors()) {
                // one line a message: two dates both missing say it once
                String said = other.messageKey() + other.args();
                if (!said.equals(first.messageKey() + first.args())) {
                    more.putIfAbsent(said, new Object[] {other.messageKey(), other.args().toArray()});
                }
            }
            if (!more.isEmpty()) {
                redirect.addFlashAttribute("flashMore", new java.util.ArrayList<>(more.values()));
            }
        } else {
            error(redirect, e.messageKey(), e.args());
        }
    }

    public static void error(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flashError", messageKey);
        redirect.addFlashAttribute("flashArgs", args);
    }

    /**
     * What a refused form held, as {@code name, value} pairs, under {@code form} for the page the refusal
     * redirects to: its fields show it again instead of their defaults (a file input excepted, a browser takes
     * none from a page). A plain map of texts, as the session stores flash attributes serialized; each value as the
     * form sent it ({@link #text}), null where nothing was (the name is kept: a page may ask for it by name).
     */
    public static void typed(RedirectAttributes redirect, String form, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values in pairs");
        }
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], text(namesAndValues[i + 1]));
        }
        redirect.addFlashAttribute(form, values);
    }

    /**
     * A value read from a form as the form sends it back: a choice by its name, a list comma-separated (each
     * value by the same rule, nothing for a null one), an amount in plain digits (never 2E+4), null as nothing.
     */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.util.Collection<?> values) {
            return String.join(",", values.stream().map(Flash::text).filter(java.util.Objects::nonNull).toList());
        }
        if (value instanceof java.math.BigDecimal amount) {
            return amount.toPlainString();
        }
        return value.toString();
    }
}
