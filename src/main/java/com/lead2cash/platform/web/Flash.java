package com.lead2cash.platform.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get flash messages: a bundle key shown once on the next page. The session keeps flash attributes
 * serialized, so a message's arguments go into it as {@link #sessionSafe} copies, whatever a refusal carried.
 */
public final class Flash {

    private Flash() {
    }

    public static void success(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flashSuccess", messageKey);
        redirect.addFlashAttribute("flashArgs", sessionSafe(args));
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
                    more.putIfAbsent(said, new Object[] {other.messageKey(), sessionSafe(other.args().toArray())});
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
        redirect.addFlashAttribute("flashArgs", sessionSafe(args));
    }

    /**
     * A link the error's message points to, shown after it ({@code flashErrorLink}: its text's message key and its
     * path in the application), such as the earlier import of a file uploaded again.
     */
    public static void errorLink(RedirectAttributes redirect, String textKey, String path) {
        redirect.addFlashAttribute("flashErrorLink", new java.util.ArrayList<>(java.util.List.of(textKey, path)));
    }

    /**
     * A message's arguments as the session can store them and the next page still says them in its reader's
     * language: a resolvable argument (a status's label, a module's {@code OpenBusiness.Fact}, a record of its own)
     * copied to a plain {@link DefaultMessageSourceResolvable}, its own arguments by the same rule; a text, a number,
     * a date, an id or a choice as it is; anything else as the text a message shows of it ({@code toString}, as
     * {@link java.text.MessageFormat} would). Never a value the session cannot serialize, which would fail the
     * request after its refusal (a 500 instead of the message).
     */
    static Object[] sessionSafe(Object[] args) {
        if (args == null) {
            return null;
        }
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = sessionSafe(args[i]);
        }
        return safe;
    }

    private static Object sessionSafe(Object arg) {
        if (arg == null || arg instanceof String || arg instanceof Number || arg instanceof Boolean
                || arg instanceof Character || arg instanceof Enum<?> || arg instanceof java.util.UUID
                || arg instanceof java.util.Date || arg instanceof java.time.temporal.TemporalAccessor
                || arg instanceof java.time.temporal.TemporalAmount) {
            return arg;
        }
        if (arg instanceof MessageSourceResolvable resolvable) {
            return new DefaultMessageSourceResolvable(resolvable.getCodes(), sessionSafe(resolvable.getArguments()),
                    resolvable.getDefaultMessage());
        }
        return arg.toString();
    }

    /**
     * What a refused form held, as {@code name, value} pairs, under {@code form} for the page the refusal
     * redirects to: its fields show it again instead of their defaults (a file input excepted, a browser takes
     * none from a page). A plain map of texts, as the session stores flash attributes serialized; each value as the
     * form sent it ({@link #text}), null where nothing was (the name is kept: a page may ask for it by name).
     * <p>
     * The record's {@code version} the form was posted with goes along under {@link #VERSION} (unless the caller
     * names it): the page gives the typed values back with the version they were typed on, never the record's
     * current one, so saving the refused form again after someone else's change is refused again (a stale version)
     * instead of silently overwriting that change. The form's hidden field reads it first:
     * {@code th:value="${gradeTyped?.get('version') ?: customer.version}"}.
     */
    public static void typed(RedirectAttributes redirect, String form, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values in pairs");
        }
        java.util.HashMap<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], text(namesAndValues[i + 1]));
        }
        if (!values.containsKey(VERSION)) {
            String posted = postedVersion();
            if (posted != null) {
                values.put(VERSION, posted);
            }
        }
        redirect.addFlashAttribute(form, values);
    }

    /** The name under which {@link #typed} keeps the version the refused form was posted with. */
    public static final String VERSION = "version";

    /** The current request's posted {@code version}, when it is a number (anything else was never the record's). */
    private static String postedVersion() {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return null;
        }
        String v = attributes.getRequest().getParameter(VERSION);
        return v != null && v.strip().matches("\\d{1,18}") ? v.strip() : null;
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
