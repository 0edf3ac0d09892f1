package com.lead2cash.platform.web;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A refusal shown on a form whose values are a record (not a bean with setters): each field's message
 * by field name, in the reader's language, and the messages that concern the whole form. Templates
 * ask {@code problems.has('amount')} and {@code problems.get('amount')}; a field whose value could not be read
 * shows it as typed through {@code problems.typedOr('amount', form.amount)} (the record holds null there).
 */
public record FormProblems(Map<String, String> fields, List<String> global, Map<String, String> unreadable) {

    public static final FormProblems NONE = new FormProblems(Map.of(), List.of());

    public FormProblems {
        fields = Map.copyOf(fields);
        global = List.copyOf(global);
        unreadable = Map.copyOf(unreadable);
    }

    public FormProblems(Map<String, String> fields, List<String> global) {
        this(fields, global, Map.of());
    }

    /** The refusal's messages, field by field; a field the form does not show goes to the global list. */
    public static FormProblems of(DomainException e, MessageSource messages, Locale locale, String... formFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        List<String> known = List.of(formFields);
        if (e instanceof FieldValidationException f) {
            for (FieldValidationException.FieldError error : f.errors()) {
                String text = messages.getMessage(error.messageKey(), error.args().toArray(), error.messageKey(), locale);
                if (known.isEmpty() || known.contains(error.field())) {
                    fields.merge(error.field(), text, (a, b) -> a + " " + b);
                } else {
                    global.add(text);
                }
            }
        } else {
            global.add(messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale));
        }
        return new FormProblems(fields, global);
    }

    /**
     * Values the browser sent that could not even be read (a word where a number belongs): each such field
     * answers "wrong format" — or, for a value read but refused by the input rules while it was bound (an amount
     * with more than two places: {@code InputRules#amountProblem}), that refusal, as the API words it; null when
     * every value was read. The binding error says which ({@code FormBindingAdvice} words every screen form's).
     */
    public static FormProblems ofUnreadable(org.springframework.validation.BindingResult binding, MessageSource messages,
                                            Locale locale) {
        if (!binding.hasErrors()) {
            return null;
        }
        String unreadable = messages.getMessage("error.form.unreadable", null, "error.form.unreadable", locale);
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(f -> {
            // never the error's own default text (a conversion's "Failed to convert …")
            fields.put(f.getField(), messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(
                    f.getCodes(), f.getArguments(), unreadable), locale));
            if (f.getRejectedValue() instanceof String text) {
                typed.put(f.getField(), text);
            }
        });
        List<String> global = binding.getGlobalErrors().stream()
                .map(g -> unreadable).toList();
        return new FormProblems(fields, global, typed);
    }

    /**
     * These problems and then {@code more}'s: a field these name keeps its own refusal (a value that could not be read
     * is refused as such, not also for what it would have been), the others' fields and messages are added.
     */
    public FormProblems and(FormProblems more) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        more.fields().forEach(all::putIfAbsent);
        List<String> messages = new java.util.ArrayList<>(global);
        messages.addAll(more.global());
        return new FormProblems(all, messages, unreadable);
    }

    /**
     * The same problems for a form whose list rows were sent with blank rows left out: the refusal names
     * {@code prefix[k]} for the k-th row sent, the form shows it on row {@code rows.get(k)}.
     */
    public FormProblems renumbered(String prefix, List<Integer> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((field, text) -> {
            String key = field;
            if (field.startsWith(prefix + "[")) {
                int end = field.indexOf(']');
                try {
                    int k = Integer.parseInt(field.substring(prefix.length() + 1, end));
                    if (k < rows.size()) {
                        key = prefix + "[" + rows.get(k) + field.substring(end);
                    }
                } catch (NumberFormatException e) {
                    key = field;
                }
            }
            out.merge(key, text, (a, b) -> a + " " + b);
        });
        return new FormProblems(out, global, unreadable);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    /** What was typed in a field that could not be read, else the form's own value. */
    public Object typedOr(String field, Object value) {
        return unreadable.containsKey(field) ? unreadable.get(field) : value;
    }

    public boolean any() {
        return !fields.isEmpty() || !global.isEmpty();
    }
}
