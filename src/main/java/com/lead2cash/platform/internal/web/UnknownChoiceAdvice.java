package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.BadRequestException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A form's choice (a select, a radio button, a checkbox of roles) that is none of the choices offered was
 * not typed by a person: the request is refused (400), not shown back as if it were a typo. Values a person
 * types — numbers, dates — keep their inline error on the form.
 */
@ControllerAdvice
class UnknownChoiceAdvice {

    @InitBinder
    void refuseUnknownChoices(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
                if (ex instanceof TypeMismatchException mismatch && isChoice(mismatch, bindingResult)) {
                    throw new BadRequestException(ex.getPropertyName(), "error.input.unknownChoice", ex.getPropertyName());
                }
                super.processPropertyAccessException(ex, bindingResult);
            }
        });
    }

    private static boolean isChoice(TypeMismatchException mismatch, BindingResult bindingResult) {
        if (mismatch.getRequiredType() != null && mismatch.getRequiredType().isEnum()) {
            return true;
        }
        if (bindingResult instanceof AbstractPropertyBindingResult properties && mismatch.getPropertyName() != null) {
            try {
                TypeDescriptor type = properties.getPropertyAccessor().getPropertyTypeDescriptor(mismatch.getPropertyName());
                TypeDescriptor element = type == null ? null : type.getElementTypeDescriptor();
                return element != null && element.getType().isEnum();
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }
}
