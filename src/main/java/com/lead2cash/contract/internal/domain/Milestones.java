package com.lead2cash.contract.internal.domain;

import com.lead2cash.platform.FieldValidationException;
import com.lead2cash.platform.InputRules;
import com.lead2cash.platform.MoneyText;
import com.lead2cash.platform.PayableAmount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment milestones of a contract must add up to its amount, to the fen (the receivables plan is
 * made from them, SPEC §5): each milestone positive to the fen ({@link PayableAmount}), with a due date or a due
 * condition, and the sum equal to the amount. Decided here, for drafting, revising and submitting alike. A due date is not before the day
 * the contract was drafted: the plan would be born overdue, aged and counted in the collection rate.
 */
public final class Milestones {

    public static final int MAX = 24;
    public static final int MAX_CONDITION = 200;

    private Milestones() {
    }

    /** Checks each milestone and, when there are any, their sum; refusals name the field. */
    public static List<PaymentMilestone> checked(List<PaymentMilestone> milestones, BigDecimal amount) {
        return checked(milestones, amount, null);
    }

    /** As {@link #checked(List, BigDecimal)}, each due date on or after {@code draftedOn} (none: not asked). */
    public static List<PaymentMilestone> checked(List<PaymentMilestone> milestones, BigDecimal amount,
                                                 LocalDate draftedOn) {
        Checked checked = check(milestones, amount, draftedOn);
        if (!checked.errors().isEmpty()) {
            throw new FieldValidationException(checked.errors());
        }
        return checked.milestones();
    }

    /** The milestones as kept, and every refusal of them (none: they may be kept). */
    public record Checked(List<PaymentMilestone> milestones, List<FieldValidationException.FieldError> errors) {
        public Checked {
            milestones = List.copyOf(milestones);
            errors = List.copyOf(errors);
        }
    }

    /**
     * Every refusal of the milestones at once, field by field, without throwing: a contract's other fields are named
     * beside them. Their sum is asked once each milestone is valid, against {@code amount} (none: an amount itself
     * refused, the sum is not asked).
     */
    public static Checked check(List<PaymentMilestone> milestones, BigDecimal amount, LocalDate draftedOn) {
        List<PaymentMilestone> list = milestones == null ? List.of() : milestones;
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (list.size() > MAX) {
            errors.add(new FieldValidationException.FieldError("milestones", "contract.milestones.tooMany", MAX));
            return new Checked(List.of(), errors);
        }
        List<PaymentMilestone> kept = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            PaymentMilestone m = list.get(i);
            String at = "milestones[" + i + "]";
            if (m == null) {
                errors.add(new FieldValidationException.FieldError(at, "contract.milestone.required"));
                continue;
            }
            if (m.type() == null) {
                errors.add(new FieldValidationException.FieldError(at + ".type", "contract.milestone.type"));
            }
            boolean amountOk = PayableAmount.isPayable(m.amount());
            if (!amountOk) {
                errors.add(new FieldValidationException.FieldError(at + ".amount", "contract.milestone.amount"));
            }
            String condition = m.dueCondition() == null || m.dueCondition().isBlank() ? null : m.dueCondition().strip();
            if (condition != null && condition.length() > MAX_CONDITION) {
                errors.add(new FieldValidationException.FieldError(at + ".dueCondition", "contract.field.tooLong", MAX_CONDITION));
            }
            if (m.dueDate() == null && condition == null) {
                errors.add(new FieldValidationException.FieldError(at + ".dueDate", "contract.milestone.due"));
            } else if (m.dueDate() != null && draftedOn != null && m.dueDate().isBefore(draftedOn)) {
                errors.add(new FieldValidationException.FieldError(at + ".dueDate", "contract.milestone.beforeDrafting",
                        draftedOn));
            } else if (draftedOn != null) {
                // a due date of 2199 is a typo that would keep the plan out of aging for good
                InputRules.businessDateProblem(at + ".dueDate", m.dueDate(), draftedOn).ifPresent(errors::add);
            }
            kept.add(new PaymentMilestone(m.type(), amountOk ? m.amount().setScale(2) : m.amount(), m.dueDate(), condition));
        }
        if (errors.isEmpty() && !kept.isEmpty() && amount != null) {
            BigDecimal sum = kept.stream().map(PaymentMilestone::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(amount) != 0) {
                errors.add(new FieldValidationException.FieldError("milestones", "contract.milestones.sum",
                        MoneyText.of(sum), MoneyText.of(amount)));
            }
        }
        return new Checked(errors.isEmpty() ? kept : List.of(), errors);
    }
}
