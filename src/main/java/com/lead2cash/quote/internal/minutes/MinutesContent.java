package com.lead2cash.quote.internal.minutes;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.MoneyText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Q3 — what negotiation minutes must say, checked once for every way in: the day, the agreed price, payment
 * milestones that add up to it, the delivery standard, liability, open issues, and who attended on both sides.
 */
public record MinutesContent(LocalDate heldOn, BigDecimal agreedPrice, List<PaymentMilestone> milestones,
                             String deliveryStandard, String liability, List<String> openIssues,
                             List<String> ourAttendees, List<String> customerAttendees) {

    static final int MAX_ITEMS = 50;

    public static MinutesContent validated(LocalDate heldOn, BigDecimal agreedPrice, List<PaymentMilestone> milestones,
                                           String deliveryStandard, String liability, List<String> openIssues,
                                           List<String> ourAttendees, List<String> customerAttendees) {
        List<FieldError> errors = new ArrayList<>();
        if (heldOn == null) {
            errors.add(new FieldError("heldOn", "minutes.heldOn.required"));
        }
        if (agreedPrice == null || agreedPrice.signum() <= 0) {
            errors.add(new FieldError("agreedPrice", "minutes.agreedPrice.positive"));
        }
        List<PaymentMilestone> stones = milestones == null ? List.of() : milestones.stream().filter(Objects::nonNull).toList();
        if (stones.isEmpty()) {
            errors.add(new FieldError("milestones", "minutes.milestones.required"));
        } else if (stones.size() > MAX_ITEMS) {
            errors.add(new FieldError("milestones", "minutes.tooMany", MAX_ITEMS));
        }
        List<PaymentMilestone> cleaned = new ArrayList<>();
        for (int i = 0; i < stones.size(); i++) {
            PaymentMilestone m = stones.get(i);
            String at = "milestones[" + i + "].";
            if (m.type() == null) {
                errors.add(new FieldError(at + "type", "minutes.milestone.type.required"));
            }
            if ((m.percent() == null) == (m.amount() == null)) {
                errors.add(new FieldError(at + "percent", "minutes.milestone.percentOrAmount"));
            } else if (m.percent() != null && (m.percent().signum() <= 0 || m.percent().compareTo(new BigDecimal("100")) > 0)) {
                errors.add(new FieldError(at + "percent", "minutes.milestone.percent.range"));
            } else if (m.amount() != null && m.amount().signum() <= 0) {
                errors.add(new FieldError(at + "amount", "minutes.milestone.amount.positive"));
            }
            String due = text(m.dueCondition(), at + "dueCondition", 500, errors);
            if (due == null) {
                errors.add(new FieldError(at + "dueCondition", "minutes.milestone.dueCondition.required"));
            }
            cleaned.add(new PaymentMilestone(m.type(), m.percent(), m.amount(), due));
        }
        if (errors.isEmpty() && agreedPrice != null) {
            BigDecimal sum = cleaned.stream().map(m -> m.amountOf(agreedPrice)).reduce(BigDecimal.ZERO, BigDecimal::add);
            // percentages rounded to the fen may miss the price by a fen or two; more than that is a mistake
            if (sum.subtract(agreedPrice).abs().compareTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(cleaned.size()))) > 0) {
                errors.add(new FieldError("milestones", "minutes.milestones.sum", MoneyText.of(sum), MoneyText.of(agreedPrice)));
            }
        }
        String delivery = text(deliveryStandard, "deliveryStandard", 4000, errors);
        if (delivery == null) {
            errors.add(new FieldError("deliveryStandard", "minutes.deliveryStandard.required"));
        }
        String liab = text(liability, "liability", 4000, errors);
        if (liab == null) {
            errors.add(new FieldError("liability", "minutes.liability.required"));
        }
        List<String> issues = items(openIssues, "openIssues", errors);
        List<String> ours = items(ourAttendees, "ourAttendees", errors);
        List<String> theirs = items(customerAttendees, "customerAttendees", errors);
        if (ours.isEmpty()) {
            errors.add(new FieldError("ourAttendees", "minutes.attendees.required"));
        }
        if (theirs.isEmpty()) {
            errors.add(new FieldError("customerAttendees", "minutes.attendees.required"));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new MinutesContent(heldOn, agreedPrice, List.copyOf(cleaned), delivery, liab, issues, ours, theirs);
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(new FieldError(field, "quote.field.tooLong", max));
        }
        return v;
    }

    private static List<String> items(List<String> values, String field, List<FieldError> errors) {
        List<String> kept = values == null ? List.of() : values.stream().filter(Objects::nonNull).map(s -> s.replace("\r", " ").replace("\n", " ").strip())
                .filter(s -> !s.isEmpty()).toList();
        if (kept.size() > MAX_ITEMS) {
            errors.add(new FieldError(field, "minutes.tooMany", MAX_ITEMS));
        } else if (kept.stream().anyMatch(s -> s.length() > 500)) {
            errors.add(new FieldError(field, "quote.field.tooLong", 500));
        }
        return kept;
    }
}
