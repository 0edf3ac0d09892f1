package com.lead2cash.receivable.internal.domain;

import com.lead2cash.contract.Contracts.Milestone;
import com.lead2cash.contract.Contracts.SignedContract;
import com.lead2cash.platform.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * 回款计划表 — the plans of one signed contract, one per payment milestone, which always add up to the
 * contract amount: a contract whose milestones do not (or that has none) gets one plan for the whole
 * amount due on signing, and any difference is refused rather than planned wrongly.
 */
public final class PaymentPlan {

    private PaymentPlan() {
    }

    /** The plans for the contract's milestones; {@code remindAt} gives the P1 reminder time of a due date. */
    public static List<Receivable> of(SignedContract c, Function<LocalDate, Instant> remindAt, LocalDate today,
                                      Instant now) {
        BigDecimal total = c.currentAmount().setScale(2);
        List<Milestone> milestones = c.milestones();
        List<Receivable> plans = new ArrayList<>();
        if (milestones.isEmpty()) {
            plans.add(Receivable.plan(c.id(), c.number(), c.customerId(), c.ownerId(), 1,
                    com.lead2cash.contract.MilestoneType.PREPAYMENT, total, c.currency(), c.signedOn(), null,
                    remindAt.apply(c.signedOn()), today, now));
            return plans;
        }
        int position = 1;
        for (Milestone m : milestones) {
            plans.add(Receivable.plan(c.id(), c.number(), c.customerId(), c.ownerId(), position++, m.type(), m.amount(),
                    c.currency(), m.dueDate(), m.dueCondition(), m.dueDate() == null ? null : remindAt.apply(m.dueDate()),
                    today, now));
        }
        requireAddsUp(plans, total);
        return plans;
    }

    /** The plans must add up to the contract amount, to the fen. */
    public static void requireAddsUp(List<Receivable> plans, BigDecimal contractAmount) {
        BigDecimal sum = plans.stream().map(Receivable::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(contractAmount) != 0) {
            throw new DomainException("receivable.plan.sum", sum.toPlainString(), contractAmount.toPlainString());
        }
    }
}
