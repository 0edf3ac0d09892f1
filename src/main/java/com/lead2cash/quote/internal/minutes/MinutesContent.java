package com.lead2cash.quote.internal.minutes;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.FieldValidationException.FieldError;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.PayableAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Q3 — what negotiation minutes must say, checked once for every way in: the day, the agreed price, payment
 * milestones that add up to it to the fen (the last percentage milestone takes the remainder), the delivery standard, liability, open issues, and who attended on both sides.
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
            cleaned = worked(agreedPrice, cleaned, errors);
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

    /**
     * What each milestone is worth to the fen, adding up to the agreed price exactly: amounts as typed, each
     * percentage of the price half-up, and the last percentage milestone takes the remainder (so 30 % / 60 % / 10 %
     * of 128 806.44 are 38 641.93 + 77 283.86 + 12 880.65, not a fen short, and the contract can be drafted from
     * them). The remainder only absorbs rounding: the percentages must make what the amounts leave of the price,
     * give or take half a fen for each amount (typed to the fen); without a percentage the amounts make the price.
     * Each milestone is worth at least a fen, as a contract's must be ({@link PayableAmount}): one that rounds to
     * 0.00 is refused on its percentage (or amount), not left for the contract drafted from the minutes to refuse.
     */
    static List<PaymentMilestone> worked(BigDecimal price, List<PaymentMilestone> milestones, List<FieldError> errors) {
        int last = -1;
        BigDecimal amounts = BigDecimal.ZERO;
        BigDecimal percents = BigDecimal.ZERO;
        int typedAmounts = 0;
        for (int i = 0; i < milestones.size(); i++) {
            PaymentMilestone m = milestones.get(i);
            if (m.percent() != null) {
                last = i;
                percents = percents.add(m.percent());
            } else {
                amounts = amounts.add(m.shareOf(price));
                typedAmounts++;
            }
        }
        BigDecimal exact = amounts.add(price.multiply(percents).movePointLeft(2));
        BigDecimal tolerance = last < 0 ? BigDecimal.ZERO : HALF_FEN.multiply(BigDecimal.valueOf(typedAmounts));
        if (exact.subtract(price).abs().compareTo(tolerance) > 0) {
            // the sum the caller is told is that of the milestones as worked out, each to the fen (30 / 60 / 9.99 %
            // of 128 806.44 are 38 641.93 + 77 283.86 + 12 867.76 = 128 793.55), not the exact sum rounded once
            BigDecimal shares = milestones.stream().map(m -> m.shareOf(price)).reduce(BigDecimal.ZERO, BigDecimal::add);
            errors.add(new FieldError("milestones", "minutes.milestones.sum", MoneyText.of(shares), MoneyText.of(price)));
            return milestones;
        }
        List<PaymentMilestone> worked = new ArrayList<>();
        BigDecimal others = BigDecimal.ZERO;
        for (int i = 0; i < milestones.size(); i++) {
            if (i != last) {
                BigDecimal share = milestones.get(i).shareOf(price);
                others = others.add(share);
                worked.add(milestones.get(i).worth(share));
            } else {
                worked.add(null);
            }
        }
        if (last >= 0) {
            BigDecimal remainder = price.setScale(2, RoundingMode.HALF_UP).subtract(others);
            worked.set(last, milestones.get(last).worth(remainder));
        }
        // each worth as a contract takes it (PayableAmount): 0.01 % of 10.00 rounds to 0.00, no payment
        boolean payable = true;
        for (int i = 0; i < worked.size(); i++) {
            PaymentMilestone m = worked.get(i);
            if (!PayableAmount.isPayable(m.worth())) {
                errors.add(new FieldError("milestones[" + i + "]." + (m.percent() != null ? "percent" : "amount"),
                        "minutes.milestone.worth", MoneyText.of(m.worth())));
                payable = false;
            }
        }
        return payable ? worked : milestones;
    }

    private static final BigDecimal HALF_FEN = new BigDecimal("0.005");

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
