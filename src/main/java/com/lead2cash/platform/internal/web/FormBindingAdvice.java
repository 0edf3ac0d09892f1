package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.BadRequestException;
import com.lead2cash.platform.FieldValidationException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How a screen's form answers a value it could not bind. A choice (a select, a radio button, a checkbox of roles)
 * that is none of the choices offered was not typed by a person: the request is refused (400), not shown back as if
 * it were a typo. A value a person types — a number, a date, an id — that cannot be read keeps its inline error on
 * the form, in the reader's language: the input rules' refusal when they refused it while it was read (an amount
 * too large or with too many places, {@code InputRules#amountProblem}), else {@value #UNREADABLE}; never the
 * conversion's own text (Spring's "Failed to convert …", which the error carries as its default message).
 * The one place every screen form's binding errors are worded.
 */
@ControllerAdvice
class FormBindingAdvice {

    /** A value not in a form that can be read. */
    static final String UNREADABLE = "error.form.unreadable";

    @InitBinder
    void wordBindingErrors(WebDataBinder binder) {
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
                if (ex instanceof TypeMismatchException mismatch && isChoice(mismatch, bindingResult)) {
                    throw new BadRequestException(ex.getPropertyName(), "error.input.unknownChoice", ex.getPropertyName());
                }
                String field = ex.getPropertyName();
                FieldValidationException.FieldError refused = refusal(ex);
                // the input rules' refusal first, else a message a bundle may give the field or its type
                // (typeMismatch.form.budget, typeMismatch.java.math.BigDecimal, …), and "cannot be read" in the end
                String[] codes = refused != null ? new String[] {refused.messageKey(), UNREADABLE}
                        : Stream.concat(Arrays.stream(bindingResult.resolveMessageCodes(ex.getErrorCode(), field)),
                                Stream.of(UNREADABLE)).toArray(String[]::new);
                Object[] arguments = refused != null ? refused.args().toArray()
                        : getArgumentsForBindError(bindingResult.getObjectName(), field);
                Object rejectedValue = ex.getValue();
                if (ObjectUtils.isArray(rejectedValue)) {
                    rejectedValue = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejectedValue));
                }
                // no default message: the conversion's text is never shown, the codes always end in one a bundle has
                FieldError error = new FieldError(bindingResult.getObjectName(), field, rejectedValue, true, codes,
                        arguments, null);
                error.wrap(ex);
                bindingResult.addError(error);
            }
        });
    }

    /** The input rules' refusal behind a value that was not bound, if that is why. */
    private static FieldValidationException.FieldError refusal(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FieldValidationException refused && !refused.errors().isEmpty()) {
                return refused.errors().get(0);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
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
