package com.lead2cash.platform.web;

import com.lead2cash.platform.DomainException;
import com.lead2cash.platform.FieldValidationException;
import org.springframework.validation.BindingResult;

/**
 * Puts domain refusals on a form's binding result, so a screen shows the very message the API would
 * give, beside the field it concerns.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult binding, DomainException e) {
        if (e instanceof FieldValidationException fields) {
            for (FieldValidationException.FieldError f : fields.errors()) {
                if (binding.getTarget() != null && hasField(binding, f.field())) {
                    binding.rejectValue(f.field(), f.messageKey(), f.args().toArray(), f.messageKey());
                } else {
                    binding.reject(f.messageKey(), f.args().toArray(), f.messageKey());
                }
            }
        } else {
            binding.reject(e.messageKey(), e.args(), e.messageKey());
        }
    }

    /**
     * True when a value of the form could not be read (a word where a number belongs, a 13th month): its binding
     * error is already beside its field, worded for the reader ({@code FormBindingAdvice}); what the input rules
     * refused in the other fields is put beside them too. The handler then shows the form again and changes
     * nothing — a value it could not read is never taken as an empty one.
     */
    public static boolean unreadable(BindingResult binding, RefusedInput refused) {
        if (!binding.hasErrors()) {
            return false;
        }
        java.util.Set<String> shown = new java.util.HashSet<>();
        binding.getFieldErrors().forEach(f -> shown.add(f.getField()));
        java.util.List<FieldValidationException.FieldError> rest = refused.errors().stream()
                .filter(f -> !shown.contains(f.field())).toList();
        if (!rest.isEmpty()) {
            reject(binding, new FieldValidationException(rest));
        }
        return true;
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return new org.springframework.beans.BeanWrapperImpl(binding.getTarget()).isReadableProperty(field);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
