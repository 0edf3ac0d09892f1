package com.lead2cash.opportunity.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.InputRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a rep writes about an opportunity (商机资料): name, amount in CNY, expected close date, product
 * lines, competitors and the next step. {@link #validated} is the one check the form and the API go through.
 */
public record OpportunityDetails(String name, BigDecimal amount, LocalDate expectedCloseDate, List<String> productLines,
                                 List<String> competitors, String nextStep) {

    static final int MAX_ITEMS = 10;

    public static OpportunityDetails validated(String name, BigDecimal amount, LocalDate expectedCloseDate,
                                               List<String> productLines, List<String> competitors, String nextStep) {
        List<FieldError> errors = new ArrayList<>();
        String n = InputRules.trimToNull(name);
        if (n == null) {
            errors.add(new FieldError("name", "opportunity.name.required"));
        } else if (n.length() > 200) {
            errors.add(new FieldError("name", "opportunity.name.required"));
        } else {
            InputRules.singleLineProblem("name", n).ifPresent(errors::add);
        }
        if (amount == null) {
            errors.add(new FieldError("amount", "opportunity.amount.required"));
        } else if (amount.signum() < 0) {
            errors.add(new FieldError("amount", "opportunity.amount.negative"));
        } else {
            // the money column's limits, with the message for what is wrong: too many digits before or after the point
            InputRules.amountProblem("amount", amount).ifPresent(errors::add);
        }
        // the expected close date's range is the aggregate's to judge, against today (Opportunity.requireCloseDateAhead)
        List<String> lines = items(errors, "productLines", productLines);
        List<String> rivals = items(errors, "competitors", competitors);
        String step = InputRules.trimToNull(nextStep);
        if (step != null && step.length() > 500) {
            errors.add(new FieldError("nextStep", "opportunity.field.tooLong", 500));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new OpportunityDetails(n, amount.setScale(2), expectedCloseDate, lines, rivals, step);
    }

    private static List<String> items(List<FieldError> errors, String field, List<String> values) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                String t = InputRules.trimToNull(v);
                if (t == null) {
                    continue;
                }
                if (t.length() > 100) {
                    errors.add(new FieldError(field, "opportunity.field.tooLong", 100));
                }
                kept.add(t);
            }
        }
        if (kept.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "opportunity.items.tooMany", MAX_ITEMS));
        }
        return List.copyOf(kept);
    }
}
