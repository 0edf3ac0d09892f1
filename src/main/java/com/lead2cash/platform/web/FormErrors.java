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

    private static boolean hasField(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return new org.springframework.beans.BeanWrapperImpl(binding.getTarget()).isReadableProperty(field);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
