package com.lead2cash.platform.internal.web;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.web.FormValues;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * An amount a screen's form binds to its object is read as {@link FormValues#decimal} reads one — grouped by
 * thousands, full-width digits — and refused as the API refuses a JSON body's when it does not fit the money
 * columns ({@link InputRules#amountProblem(String, BigDecimal)}: 1.123456, 1067.555): a binding error carrying the API's reason,
 * which the form shows beside the field with what was typed ({@code FormProblems#ofUnreadable}). Without it
 * Spring's own number reading took such a value and the column rounded it to two places when it was stored.
 * Parameters read one by one ({@code @RequestParam}) are judged before binding ({@code RequestParameterGuard}).
 */
@ControllerAdvice
class FormAmountsAdvice {

    @InitBinder
    void readAmounts(WebDataBinder binder) {
        if (binder.getTarget() == null && binder.getTargetType() == null) {
            // a @RequestParam (no object to bind): judged by RequestParameterGuard, read by the platform's formatter
            return;
        }
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (FormValues.blank(text)) {
                    setValue(null);
                    return;
                }
                BigDecimal amount = FormValues.readDecimal(text)
                        .orElseThrow(() -> new IllegalArgumentException("not an amount"));
                InputRules.amountProblem("", amount).ifPresent(error -> {
                    throw new IllegalArgumentException(error.messageKey(),
                            new FieldValidationException(List.of(error)));
                });
                setValue(amount);
            }

            @Override
            public String getAsText() {
                return getValue() instanceof BigDecimal amount ? amount.toPlainString() : "";
            }
        });
    }
}
